package dev.opensessions.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.opensessions.server.architecture.fixture.adapters.http.SnapshotReadingResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the layer rules against deliberately broken fixture classes: each rule must report them. */
class RulesBiteTest {

    private static final String ROOT = "dev.opensessions.server.architecture.fixture";
    private static final LayerRules RULES = new LayerRules(ROOT);
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(ROOT);

    @Test
    void aDomainClassImportingJacksonBreaksTheBuild() {
        assertThatThrownBy(() -> RULES.domainIsPure().check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyDomainRecord")
                .hasMessageContaining("com.fasterxml.jackson");
    }

    @Test
    void anAdapterUsingAnotherAdapterBreaksTheBuild() {
        assertThatThrownBy(() -> RULES.httpStaysInItsLane().check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReachingResource")
                .hasMessageContaining("SomeStore");
    }

    @Test
    void anAdapterConstructingAServiceBreaksTheBuild() {
        assertThatThrownBy(() -> RULES.onlyTheServerBuildsServices().check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SomeService");
    }

    @Test
    void aSidebarViewUsingTheTerminalLibraryBreaksTheBuild() {
        assertThatThrownBy(() -> RULES.sidebarCoreIsPure().check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyView")
                .hasMessageContaining("dev.tamboui");
    }

    @Test
    void aSidebarUpdateReachingIntoTheViewBreaksTheBuild() {
        assertThatThrownBy(() -> RULES.sidebarUpdateAndViewAreApart().check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PeekingUpdate")
                .hasMessageContaining("LeakyView");
    }

    @Test
    void anInboundAdapterCallingTheStateOwnerBreaksTheBuild() {
        assertThatThrownBy(() -> RULES.inboundAdaptersNeverTouchTheStateOwner().check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OwnerCallingResource")
                .hasMessageContaining("StateOwner.apply");
        assertThatThrownBy(() -> RULES.httpStaysInItsLane().check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OwnerCallingResource");
    }

    @Test
    void anInboundAdapterReadingASnapshotPasses() {
        JavaClasses reader = new ClassFileImporter().importClasses(SnapshotReadingResource.class);

        RULES.inboundAdaptersNeverTouchTheStateOwner().check(reader);
        RULES.httpStaysInItsLane().check(reader);
    }

    @Test
    void aDomainClassReadingTheClockBreaksTheBuild() {
        assertThatThrownBy(() -> RULES.domainTouchesNoOutsideWorld().check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ClockReadingRule")
                .hasMessageContaining("Instant.now()");
    }

    @Test
    void aDomainClassOpeningADatabaseBreaksTheBuild() {
        assertThatThrownBy(() -> RULES.domainTouchesNoOutsideWorld().check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ConnectingRepository")
                .hasMessageContaining("DriverManager.getConnection");
    }

    @Test
    void aSidebarUpdateReadingASystemPropertyBreaksTheBuild() {
        assertThatThrownBy(() -> RULES.sidebarCoreTouchesNoOutsideWorld().check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("HomeReadingUpdate")
                .hasMessageContaining("System.getProperty");
    }

    @Test
    void theGuardReportsPackagesNoRuleChecks() {
        assertThat(RULES.uncoveredPackages(BROKEN)).containsExactly(ROOT + ".stray");
    }

    @Test
    void theGuardReportsPackagesWithNoClasses() {
        assertThat(RULES.emptyPackages(BROKEN)).contains(ROOT + ".protocol..", ROOT + ".adapters.websocket..")
                .doesNotContain(ROOT + ".domain..", ROOT + ".adapters.http..");
    }
}
