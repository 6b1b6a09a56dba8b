package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that map an agent thread to a live session, and the words that say how for /debug/agents. */
class AgentMappingTest {

    private static final Topology TOPOLOGY = new Topology(List.of(
            session("api", "/home/me/work/api", "%2"),
            session("web", "/home/me/work/web_app", "%4"),
            session("nodir", "", "%5")), Set.of());

    private static Session session(String name, String dir, String pane) {
        return new Session(SessionName.of(name), Instant.EPOCH, dir, 1, List.of(PaneId.of(pane)));
    }

    @ParameterizedTest(name = "pane={0} dir={1} named={2} -> {3} by {4}")
    @CsvSource(nullValues = "-", delimiter = ';', value = {
            "%4;  /home/me/work/api;                 api;   web;  pane %4",
            "%99; /home/me/work/api;                 -;     api;  directory /home/me/work/api",
            "-;   /home/me/work/api/src;             -;     api;  prefix /home/me/work/api",
            "-;   __encoded__:-home-me-work-web-app; -;     web;  encoded -home-me-work-web-app",
            "-;   __encoded__:-nowhere;              web;   web;  name web",
            "-;   __encoded__:-nowhere;              -;     -;    unresolved",
            "-;   /elsewhere;                        web;   web;  name web",
            "-;   /elsewhere;                        ghost; -;    unresolved",
            "-;   -;                                 -;     -;    unresolved"})
    void thePaneWinsThenTheDirectoryThenTheNameTheAgentGave(String pane, String dir, String named, String session,
                                                            String how) {
        AgentMapping mapping = AgentMapping.of(TOPOLOGY, pane == null ? null : PaneId.of(pane), dir,
                named == null ? null : SessionName.of(named));

        assertThat(mapping.session()).isEqualTo(session == null ? null : SessionName.of(session));
        assertThat(mapping.how()).isEqualTo(how);
        assertThat(mapping.resolved()).isEqualTo(session != null);
    }

    @Test
    void anEncodedFolderThatMatchesNoSessionIsNotResolvedByTheDirectoryRules() {
        assertThat(AgentMapping.of(TOPOLOGY, null, "__encoded__:-home-me-work-api-src"))
                .isEqualTo(AgentMapping.unresolved());
    }

    /** A window linked into two sessions shows its panes in both: the pane maps to the first session in order. */
    @Test
    void aPaneInTwoSessionsMapsToTheFirstInOrder() {
        Topology linked = new Topology(List.of(
                session("first", "/a", "%7"),
                session("second", "/b", "%7")), Set.of());

        assertThat(AgentMapping.of(linked, PaneId.of("%7"), null)).isEqualTo(new AgentMapping(SessionName.of("first"), "pane %7"));
    }

    @Test
    void unresolvedSaysSo() {
        assertThat(AgentMapping.unresolved().resolved()).isFalse();
        assertThat(AgentMapping.unresolved().how()).isEqualTo(AgentMapping.UNRESOLVED);
    }
}
