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
import static org.hamcrest.Matchers.contains;

/** A user coming from the reference keeps their session order: the old order file is imported at start. */
@QuarkusTest
@TestProfile(LegacyOrderImportTest.ReferenceUser.class)
class LegacyOrderImportTest {

    static final Path HOME = Path.of("target/test-legacy").toAbsolutePath();

    public static final class ReferenceUser implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path config = Files.createDirectories(HOME.resolve("config"));
                Files.deleteIfExists(HOME.resolve("state/opensessions.db"));
                Files.writeString(config.resolve("session-order.json"),
                        "{\"order\":[\"web\",\"api; 'x'\",\"docs\"],\"hidden\":[\"scratch\"]}\n");
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
            return Map.of("opensessions.config-dir", HOME.resolve("config").toString(),
                    "opensessions.database", HOME.resolve("state/opensessions.db").toString(),
                    "opensessions.runtime-dir", HOME.resolve("run").toString());
        }
    }

    @Test
    void theReferencesOrderFileBecomesTheStoredOrder() {
        given().get("/api/state").then().statusCode(200)
                .body("order", contains("web", "api; 'x'", "docs"))
                .body("hidden", contains("scratch"));
    }
}
