package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin end to end: opensessions loaded the way TPM loads plugins (a tmux.conf that only runs
 * {@code opensessions.tmux}), used through its key table from a real terminal, and uninstalled without a trace.
 */
class TpmPluginIT extends PluginTest {

    @Test
    void prefixKeysShowTheSidebarAndSwitchSessionsAndUninstallLeavesNoTrace() throws Exception {
        PrivateTmux tmux = withPlugin(Installation.of(home.resolve("install")), List.of());
        tmux.newSession("beta", home.resolve("work"));
        String alphaWindow = tmux.windows("alpha").getFirst();
        assertThat(tmux.run("show-environment", "-g", "OPENSESSIONS_DIR").strip())
                .isEqualTo("OPENSESSIONS_DIR=" + setup.installation().root());
        assertThat(setup.portOpen()).as("the server starts on first use, not at load").isFalse();
        attach(tmux, "alpha");
        assertThat(messages(tmux)).as("the load leaves no error in the message log the user reads").doesNotContain("unknown key");

        client.pressAfterPrefix("o", "t");
        Eventually.until(() -> tmux.sidebarsIn(alphaWindow).size() == 1, SERVER_START, "a sidebar in alpha's window",
                () -> String.join("\n", tmux.panes()));
        client.pressAfterPrefix("o", "2");
        Eventually.until(() -> tmux.clientSession(client.tty()).equals("beta"), "the client on beta",
                () -> tmux.clientSession(client.tty()));
        ProcessHandle server = ProcessHandle.of(Long.parseLong(Files.readString(setup.runtimeDir().resolve("pid"))))
                .orElseThrow();

        TmuxCommand uninstall = setup.runScript("uninstall.sh");

        assertThat(uninstall.exit()).as(uninstall.output()).isZero();
        assertThat(uninstall.output()).as("quiet on success").isEmpty();
        assertThat(server.isAlive()).isFalse();
        assertNothingLeft(tmux);
        TmuxCommand again = setup.runScript("uninstall.sh");
        assertThat(again.exit()).as(again.output()).isZero();
        assertNothingLeft(tmux);
        assertThat(tmux.sessions()).as("the user's sessions stay").containsExactlyInAnyOrder("alpha", "beta");
    }

    @Test
    void aServerOfAnotherVersionIsStoppedWhenThePluginLoadsAndTheNextUseStartsThisOne() throws Exception {
        PrivateTmux tmux = withPlugin(Installation.of(home.resolve("install")), List.of());
        String pane = tmux.format("=alpha:", "#{pane_id}");
        assertThat(setup.runScript("ensure-sidebar.sh", "", pane).exit()).isZero();
        Path pid = setup.runtimeDir().resolve("pid");
        ProcessHandle old = ProcessHandle.of(Long.parseLong(Files.readString(pid))).orElseThrow();
        Path version = setup.runtimeDir().resolve("plugin-version");
        String current = Files.readString(version);
        Files.writeString(version, "/elsewhere:opensessions-server 0.0.9 protocol 1");

        TmuxCommand reload = setup.run(setup.installation().plugin());

        assertThat(reload.exit()).as(reload.output()).isZero();
        Eventually.until(() -> !old.isAlive(), "the old server stopped", () -> "pid " + old.pid());
        assertThat(pid).doesNotExist();
        assertThat(Files.readString(version)).isEqualTo(current).startsWith(setup.installation().root() + ":");
        assertThat(setup.runScript("ensure-sidebar.sh", "", pane).exit()).isZero();
        assertThat(Long.parseLong(Files.readString(pid))).isNotEqualTo(old.pid());
    }

    @Test
    void aCloneWithoutABuildOnAMachineWithoutAJdkSaysSoInTmux() throws Exception {
        // A mount namespace with an empty /usr/lib/jvm: the launcher looks there after JAVA_HOME and PATH.
        List<String> withoutJdks = List.of("unshare", "--map-root-user", "--mount", "sh", "-c",
                "mount -t tmpfs tmpfs /usr/lib/jvm && exec \"$@\"", "without-jdks");
        PrivateTmux tmux = withPlugin(Installation.unpackaged(home.resolve("install")), withoutJdks);
        attach(tmux, "alpha");

        Eventually.until(() -> messages(tmux).contains("opensessions: no JDK 21 or newer found"), Duration.ofSeconds(30),
                "the missing JDK reported on the status line", () -> messages(tmux));

        assertThat(messages(tmux)).contains("opensessions: building the server in the background")
                .contains("install one or set JAVA_HOME")
                .as("the wait for a client to tell leaves no error in the message log").doesNotContain("no current target");
        assertThat(setup.portOpen()).isFalse();
    }


    private void assertNothingLeft(PrivateTmux tmux) throws Exception {
        for (String table : List.of("prefix", "root")) {
            assertThat(tmux.run("list-keys", "-T", table)).as("the %s table", table).doesNotContain("opensessions");
        }
        assertThat(tmux.tryRun("list-keys", "-T", "opensessions")).as("the opensessions table").isEmpty();
        assertThat(tmux.run("list-keys", "-T", "prefix", "o")).as("tmux's own prefix o is back")
                .contains("select-pane -t :.+");
        for (String scope : List.of("-g", "-gw", "-s")) {
            assertThat(tmux.run("show-options", scope)).as("options " + scope).doesNotContain("@opensessions");
        }
        assertThat(tmux.run("show-environment", "-g")).doesNotContain("OPENSESSIONS_DIR");
        assertThat(tmux.run("show-hooks", "-g")).doesNotContain("opensessions");
        assertThat(tmux.sidebars()).isEmpty();
        assertThat(setup.portOpen()).as("the server's port").isFalse();
        assertThat(setup.runtimeDir().resolve("pid")).doesNotExist();
        assertThat(setup.runtimeDir()).doesNotExist();
    }
}
