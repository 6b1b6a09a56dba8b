package dev.opensessions.server.integrations;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Amp plugin and the Pi extension are linked into the folder their agent loads, and only ours is removed. */
class PluginInstallersTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource({"amp, .config/amp/plugins/opensessions.ts", "pi, .pi/agent/extensions/opensessions.ts"})
    void installLinksOnceAndUninstallUnlinks(String agent, String target) throws Exception {
        Path plugin = home.resolve(target);
        Path source = ScriptRunner.REPO.resolve("integrations").resolve(agent).resolve("opensessions.ts");

        assertThat(integrate(agent).exitCode()).isZero();
        assertThat(integrate(agent).stdout()).contains("already installed");
        assertThat(Files.readSymbolicLink(plugin)).isEqualTo(source);

        assertThat(integrate(agent, "--uninstall").exitCode()).isZero();
        assertThat(plugin).doesNotExist();
        assertThat(plugin.getParent()).exists();
    }

    @ParameterizedTest
    @CsvSource({"amp, .config/amp/plugins/opensessions.ts", "pi, .pi/agent/extensions/opensessions.ts"})
    void aFileOfTheSameNameIsBackedUpAndNeverRemoved(String agent, String target) throws Exception {
        Path plugin = home.resolve(target);
        Files.createDirectories(plugin.getParent());
        Files.writeString(plugin, "// the user's own plugin\n");

        integrate(agent);
        try (Stream<Path> files = Files.list(plugin.getParent())) {
            Path backup = files.filter(file -> file.getFileName().toString().startsWith("opensessions.ts.bak-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(backup)).isEqualTo("// the user's own plugin\n");
        }

        Files.delete(plugin);
        Files.writeString(plugin, "// written again by hand\n");
        assertThat(integrate(agent, "--uninstall").stdout()).contains("not ours");
        assertThat(Files.readString(plugin)).isEqualTo("// written again by hand\n");
    }

    private ScriptRunner.Result integrate(String... args) throws Exception {
        String[] all = Stream.concat(Stream.of("integrate"), Stream.of(args)).toArray(String[]::new);
        return new ScriptRunner(home).run("bin/opensessions", "", all);
    }
}
