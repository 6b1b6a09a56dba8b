package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.domain.session.SessionName;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A multiplexer that records what it was asked; can be told to fail. Knows every session it is asked about. */
public final class FakeMultiplexer implements Multiplexer {

    /** One switch the core asked for. */
    public record SwitchCall(String clientTty, SessionName session) {
    }

    public final List<SwitchCall> switches = new CopyOnWriteArrayList<>();
    public volatile boolean failing;

    @Override
    public SwitchOutcome switchClient(String clientTty, SessionName session) {
        check();
        switches.add(new SwitchCall(clientTty, session));
        return new SwitchOutcome.Switched();
    }

    @Override
    public SessionName createSession(String name, String directory) {
        check();
        return SessionName.of(name.replace('.', '_').replace(':', '_'));
    }

    @Override
    public RenameOutcome renameSession(SessionName session, String newName) {
        check();
        return new RenameOutcome.Renamed(SessionName.of(newName.replace('.', '_').replace(':', '_')));
    }

    @Override
    public KillOutcome killSession(SessionName session, List<SessionName> displayOrder) {
        check();
        return new KillOutcome.Killed();
    }

    private void check() {
        if (failing) {
            throw new MultiplexerException("tmux switch-client got no answer within 5000 ms", null);
        }
    }
}
