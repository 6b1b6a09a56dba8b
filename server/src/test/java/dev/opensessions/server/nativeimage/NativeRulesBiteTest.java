package dev.opensessions.server.nativeimage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the native-readiness rules against planted violations in the fixture package: each must report them. */
class NativeRulesBiteTest {

    private static final String ROOT = "dev.opensessions.server.nativeimage.fixture";
    private static final NativeRules RULES = new NativeRules(ROOT);
    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages(ROOT);

    @Test
    void aComSunImportBreaksTheBuild() {
        assertThatThrownBy(() -> RULES.noJdkInternals().check(PLANTED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UidFromTheJdkInternals")
                .hasMessageContaining("com.sun.security.auth.module.UnixSystem");
    }

    @Test
    void anUnregisteredRecordGivenToAnObjectMapperIsReported() {
        assertThat(String.join("\n", RULES.unregistered(PLANTED)))
                .contains(ROOT + ".UnregisteredFrame (given to Jackson in " + ROOT + ".HandWriter.frame(")
                .contains(ROOT + ".UnregisteredFrame$Part (held by " + ROOT + ".UnregisteredFrame)")
                .contains(ROOT + ".ReadBack (given to Jackson in " + ROOT + ".HandWriter.read(");
    }

    @Test
    void aValueTypedObjectIsFollowedToTheCallerThatBuiltIt() {
        assertThat(String.join("\n", RULES.unregistered(PLANTED)))
                .contains(ROOT + ".PassedAlong (given to Jackson in " + ROOT + ".HandWriter.write(");
    }

    @Test
    void registeredTypesAndUnrelatedOnesAreNotReported() {
        assertThat(String.join("\n", RULES.unregistered(PLANTED)))
                .doesNotContain(ROOT + ".RegisteredFrame ")
                .doesNotContain(ROOT + ".ListedFrame ")
                .doesNotContain("NeverSerialized")
                .doesNotContain("Busy");
    }

    @Test
    void aResourceLoadedByNameButNotDeclaredIsReported() {
        assertThat(RULES.undeclaredResources(PLANTED, List.of("dev/opensessions/server/nativeimage/fixture/*.sql")))
                .containsExactly("dev/opensessions/server/nativeimage/fixture/templates/undeclared.txt (loadable by "
                        + ROOT + ".ResourceLoading)");
    }

    @Test
    void aDeclaredResourceIsNotReported() {
        assertThat(RULES.undeclaredResources(PLANTED, List.of("dev/opensessions/server/nativeimage/fixture/**")))
                .isEmpty();
    }
}
