package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.SessionSource;
import dev.opensessions.application.port.out.SessionSourceContract;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Holds the fake session source to the port's contract. */
class FakeSessionSourceTest extends SessionSourceContract {

    @Override
    protected Stage stage() {
        FakeSessionSource fake = new FakeSessionSource();
        fake.pushSessions("alpha", "/srv/alpha");
        return new Stage() {
            @Override
            public SessionSource source() {
                return fake;
            }

            @Override
            public void createSession(String name) {
                List<Session> sessions = new ArrayList<>(fake.topology().sessions());
                sessions.add(FakeSessionSource.session(name, "/srv/" + name, sessions.size()));
                fake.push(new Topology(sessions, Set.of()));
            }

            @Override
            public void close() {
                fake.close();
            }
        };
    }
}
