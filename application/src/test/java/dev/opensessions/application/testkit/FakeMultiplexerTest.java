package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.MultiplexerContract;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.util.Optional;
import java.util.Set;

/** Holds the fake multiplexer, with a laid-out world, to the port's contract. */
class FakeMultiplexerTest extends MultiplexerContract {

    @Override
    protected Stage stage() {
        FakeMultiplexer fake = new FakeMultiplexer()
                .session("alpha", PaneId.of("%1"))
                .session("beta", PaneId.of("%2"))
                .client("/dev/pts/7", "alpha");
        return new Stage() {
            @Override
            public Multiplexer multiplexer() {
                return fake;
            }

            @Override
            public String client() {
                return "/dev/pts/7";
            }

            @Override
            public Optional<SessionName> shownBy(String clientTty) {
                return fake.shownBy(clientTty);
            }

            @Override
            public Set<SessionName> sessions() {
                return fake.sessions();
            }

            @Override
            public PaneId paneOf(SessionName session) {
                return session.equals(ALPHA) ? PaneId.of("%1") : PaneId.of("%2");
            }

            @Override
            public void openSidebarIn(SessionName session) {
                fake.sidebarIn(session.value());
            }

            @Override
            public void stopAnswering() {
                fake.failing = true;
            }

            @Override
            public void close() {
            }
        };
    }
}
