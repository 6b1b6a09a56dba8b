package dev.opensessions.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Enforces the layer rules ({@link LayerRules}) on the production classes of every module. */
class ArchitectureTest {

    private static final LayerRules RULES = new LayerRules("dev.opensessions");
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            // The shared test kit is a test-scope dependency, no production code.
            .withImportOption(location -> !location.contains("/testkit/") && !location.contains("opensessions-testkit"))
            .importPackages("dev.opensessions");

    static Stream<ArchRule> rules() {
        return RULES.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void layerRuleHolds(ArchRule rule) {
        rule.check(PRODUCTION);
    }

    @Test
    void everyProductionPackageFallsUnderARule() {
        assertThat(RULES.uncoveredPackages(PRODUCTION)).isEmpty();
    }

    @Test
    void everyPackageARuleNamesHoldsClasses() {
        assertThat(RULES.emptyPackages(PRODUCTION)).isEmpty();
    }
}
