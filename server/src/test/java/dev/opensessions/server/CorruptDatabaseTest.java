package dev.opensessions.server;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A database file that is not a database must not stop the server: it runs in memory and leaves the file. */
@QuarkusTest
@TestProfile(CorruptDatabaseTest.GarbageFile.class)
class CorruptDatabaseTest {

    static final Path GARBAGE = Path.of("target/test-corrupt/opensessions.db").toAbsolutePath();
    static final byte[] CONTENT = "this is not a SQLite database, it is a shopping list\n".repeat(100).getBytes();

    public static final class GarbageFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(GARBAGE.getParent());
                Files.write(GARBAGE, CONTENT);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
            return Map.of("opensessions.database", GARBAGE.toString(),
                    "opensessions.runtime-dir", "target/test-corrupt-runtime");
        }
    }

    @Test
    void serverRunsInMemoryAndLeavesTheFileUntouched() throws IOException {
        given().contentType("application/json").body("{\"session\":\"mem\",\"text\":\"still here\"}")
                .post("/set-status").then().statusCode(204);

        given().get("/api/state").then().statusCode(200).body("metadata.mem.status.text", equalTo("still here"));
        assertThat(Files.readAllBytes(GARBAGE)).isEqualTo(CONTENT);
    }
}
