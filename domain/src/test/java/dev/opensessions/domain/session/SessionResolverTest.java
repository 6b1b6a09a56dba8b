package dev.opensessions.domain.session;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SessionResolverTest {

    private static final Topology TOPOLOGY = new Topology(List.of(
            session("home", "/home/me", "%1"),
            session("api", "/home/me/work/api", "%2"),
            session("api-docs", "/home/me/work/api/docs", "%3"),
            session("web", "/home/me/work/web", "%4"),
            session("nodir", "", "%5")), Set.of());

    private static Session session(String name, String dir, String pane) {
        return new Session(SessionName.of(name), Instant.EPOCH, dir, 1, List.of(PaneId.of(pane)));
    }

    @ParameterizedTest(name = "pane={0} dir={1} name={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "%4, /home/me/work/api, api,  web",        // the pane always wins
            "%99, /home/me/work/api, -,   api",        // unknown pane: fall through to the directory
            "-, /home/me/work/api, web,   api",        // exact directory before the name
            "-, /home/me/work/api/src/main, -, api",   // inside a session dir: the deepest one
            "-, /home/me/work/api/docs/x, -, api-docs",
            "-, /home/me/work, -,         home",       // a session dir containing the project beats ones inside it
            "-, /home/me/work/api/../web, -, web",     // normalized
            "-, /elsewhere, web,          web",        // no directory match: the name, when it exists
            "-, /elsewhere, ghost,        -",          // the name of no live session
            "-, relative/path, -,         -",
            "-, -, -,                     -"})
    void resolvesByPaneThenDirectoryThenName(String pane, String dir, String name, String expected) {
        Optional<SessionName> resolved = SessionResolver.resolve(TOPOLOGY,
                pane == null ? null : PaneId.of(pane), dir, name == null ? null : SessionName.of(name));

        assertThat(resolved.map(SessionName::value).orElse(null)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void withoutAContainingDirectoryTheShallowestSessionInsideTheProjectWins() {
        Topology topology = new Topology(List.of(
                session("api-docs", "/p/api/docs", "%1"),
                session("web", "/p/web", "%2"),
                session("api", "/p/api", "%3")), Set.of());

        assertThat(SessionResolver.resolve(topology, null, "/p", null)).contains(SessionName.of("web"));
    }
}
