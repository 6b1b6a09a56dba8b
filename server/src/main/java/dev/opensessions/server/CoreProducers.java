package dev.opensessions.server;

import dev.opensessions.application.port.in.AppendLogUseCase;
import dev.opensessions.application.port.in.ClearLogUseCase;
import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.HideSessionUseCase;
import dev.opensessions.application.port.in.NotifyUseCase;
import dev.opensessions.application.port.in.QuitUseCase;
import dev.opensessions.application.port.in.ReadAgentHistoryUseCase;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.port.in.ReorderSessionUseCase;
import dev.opensessions.application.port.in.SetProgressUseCase;
import dev.opensessions.application.port.in.SetStatusUseCase;
import dev.opensessions.application.port.in.ShowAllSessionsUseCase;
import dev.opensessions.application.port.in.SwitchSessionUseCase;
import dev.opensessions.application.port.in.WatchStateUseCase;
import dev.opensessions.application.security.ControlToken;
import dev.opensessions.sidebar.runtime.EffectHandler;
import dev.opensessions.sidebar.runtime.UseCaseEffects;
import dev.opensessions.adapters.tmux.TmuxAdapter;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The composition root (DESIGN 3): builds the core once and hands each driving adapter only the
 * use-case interfaces it asks for.
 */
@Singleton
public class CoreProducers {

    @Produces
    @Singleton
    Optional<TmuxAdapter> tmux(ServerSettings settings) {
        return MultiplexerFactory.tmux(settings, new QuarkusServerLifecycle());
    }

    void close(@Disposes Optional<TmuxAdapter> tmux) {
        tmux.ifPresent(TmuxAdapter::close);
    }

    @Produces
    @Singleton
    Core core(StoreFactory stores, Optional<TmuxAdapter> tmux) {
        return new Core(Clock.systemUTC(), stores.open(), MultiplexerFactory.sessions(tmux),
                MultiplexerFactory.commands(tmux), new QuarkusServerLifecycle());
    }

    void close(@Disposes Core core) {
        core.close();
    }

    /** 32 random bytes as hex, new for every server start (DESIGN 7). */
    @Produces
    @Singleton
    ControlToken controlToken() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new ControlToken(HexFormat.of().formatHex(secret));
    }

    @Produces
    SetStatusUseCase setStatus(Core core) {
        return core.metadata;
    }

    @Produces
    SetProgressUseCase setProgress(Core core) {
        return core.metadata;
    }

    @Produces
    AppendLogUseCase appendLog(Core core) {
        return core.metadata;
    }

    @Produces
    NotifyUseCase notify(Core core) {
        return core.metadata;
    }

    @Produces
    ClearLogUseCase clearLog(Core core) {
        return core.metadata;
    }

    @Produces
    RecordAgentEventUseCase recordAgentEvent(Core core) {
        return core.agentEvents;
    }

    @Produces
    GetStateUseCase getState(Core core) {
        return core.query;
    }

    @Produces
    @Singleton
    WatchStateUseCase watchState(Core core, Optional<TmuxAdapter> tmux) {
        return new DisplayCountingWatch(core.query, shown -> tmux.ifPresent(t -> t.facts().displayed(shown)));
    }

    @Produces
    ReorderSessionUseCase reorderSession(Core core) {
        return core.order;
    }

    @Produces
    HideSessionUseCase hideSession(Core core) {
        return core.order;
    }

    @Produces
    ShowAllSessionsUseCase showAllSessions(Core core) {
        return core.order;
    }

    @Produces
    ReadAgentHistoryUseCase readAgentHistory(Core core) {
        return core.durable;
    }

    @Produces
    SwitchSessionUseCase switchSession(Core core) {
        return core.switchSession;
    }

    /** What sidebar panes ask for, carried out through the core's use cases. */
    @Produces
    @Singleton
    EffectHandler sidebarEffects(Core core) {
        return new UseCaseEffects(core.switchSession, core.quit, core.order, core.order, core.order);
    }

    @Produces
    QuitUseCase quit(Core core) {
        return core.quit;
    }
}
