package dev.opensessions.server.nativeimage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production classes of every module are ready for a native image: no JDK-internal API, every type handed
 * to Jackson by hand registered for reflection, every resource loaded by name declared. No native build runs
 * here (no GraalVM); these are the mistakes that broke the one made elsewhere.
 */
class NativeReadinessTest {

    private static final NativeRules RULES = new NativeRules("dev.opensessions");
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.opensessions");

    @Test
    void noProductionClassUsesAJdkInternalApi() {
        RULES.noJdkInternals().check(PRODUCTION);
    }

    @Test
    void everyTypeHandedToJacksonByHandIsRegisteredForReflection() {
        assertThat(RULES.unregistered(PRODUCTION)).as("register these in NativeReflection").isEmpty();
    }

    @Test
    void theFramesTheServerWritesByHandAreAmongThemSoTheCheckLooksWhereItMatters() {
        assertThat(RULES.handSerialized(PRODUCTION)).containsKeys(
                "dev.opensessions.protocol.ServerMessage$State", "dev.opensessions.protocol.ServerMessage$Hello",
                "dev.opensessions.protocol.ServerMessage$Quit", "dev.opensessions.protocol.StateView",
                "dev.opensessions.protocol.SessionView", "dev.opensessions.protocol.ClientMessage$ReorderSession");
    }

    @Test
    void everyResourceLoadedByNameIsDeclaredForNative() {
        assertThat(RULES.undeclaredResources(PRODUCTION, includes()))
                .as("add them to quarkus.native.resources.includes in application.properties").isEmpty();
    }

    /** The globs of {@code quarkus.native.resources.includes} in the server's application.properties. */
    static List<String> includes() {
        Properties properties = new Properties();
        try (InputStream in = NativeReadinessTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        String value = properties.getProperty("quarkus.native.resources.includes", "");
        return Arrays.stream(value.split(",")).map(String::strip).filter(glob -> !glob.isEmpty()).toList();
    }
}
