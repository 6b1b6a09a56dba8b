package dev.opensessions.server;

import dev.opensessions.adapters.agents.AgentSources;
import dev.opensessions.adapters.agents.plugin.AgentPluginConfigReader;
import dev.opensessions.adapters.agents.plugin.CommandAgentSource;
import dev.opensessions.adapters.agents.screen.ScreenRuleFiles;
import dev.opensessions.adapters.agents.screen.WatchedScreenRules;
import dev.opensessions.adapters.persistence.ConfigFileSettingsStore;
import dev.opensessions.adapters.persistence.NotificationConfigReader;
import dev.opensessions.adapters.tmux.PaneCopier;
import dev.opensessions.adapters.tmux.TmuxAdapter;
import dev.opensessions.adapters.host.HostSystem;
import dev.opensessions.adapters.host.HostUserCommand;
import dev.opensessions.application.port.in.AppendLogUseCase;
import dev.opensessions.application.port.in.ClearLogUseCase;
import dev.opensessions.application.port.in.EndPiRuntimeUseCase;
import dev.opensessions.application.port.in.ExplainAgentsUseCase;
import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.HideSessionUseCase;
import dev.opensessions.application.port.in.JumpToNextUseCase;
import dev.opensessions.application.port.in.NotifyUseCase;
import dev.opensessions.application.port.in.QuitUseCase;
import dev.opensessions.application.port.in.CommitWritesUseCase;
import dev.opensessions.application.port.in.ReadAgentHistoryUseCase;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.port.in.RefreshUseCase;
import dev.opensessions.application.port.in.RegisterPiRuntimeUseCase;
import dev.opensessions.application.port.in.ReorderSessionUseCase;
import dev.opensessions.application.port.in.SetProgressUseCase;
import dev.opensessions.application.port.in.SetStatusUseCase;
import dev.opensessions.application.port.in.ShowAllSessionsUseCase;
import dev.opensessions.application.port.in.SidebarActionsUseCase;
import dev.opensessions.application.port.in.SidebarPresenceUseCase;
import dev.opensessions.application.port.in.SidebarSettingsUseCase;
import dev.opensessions.application.port.in.SwitchSessionUseCase;
import dev.opensessions.application.port.in.ReadWaitStatsUseCase;
import dev.opensessions.application.port.in.WaitForAgentUseCase;
import dev.opensessions.application.port.in.WatchStateUseCase;
import dev.opensessions.application.port.in.WatchTransitionsUseCase;
import dev.opensessions.application.port.out.AgentSource;
import dev.opensessions.application.security.ControlToken;
import dev.opensessions.sidebar.runtime.EffectHandler;
import dev.opensessions.sidebar.runtime.UseCaseEffects;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The composition root: builds the core once and hands each driving adapter only the
 * use-case interfaces it asks for.
 */
@Singleton
public class CoreProducers {

    /**
     * How long the state must stay unchanged before the heap is collected after a burst: longer than the pauses
     * within an agent's turn, short enough that a server is back to its settled size soon after.
     */
    static final Duration BURST_QUIET = Duration.ofSeconds(10);

    /**
     * How much the heap must have grown since the last collection to be worth one: twice the 2 MB young generation,
     * so a lone change (a push, a key) costs no collection.
     */
    static final long BURST_WORTH_BYTES = 4L << 20;

    /**
     * How much the heap may grow during activity that never pauses for {@link #BURST_QUIET} before it is collected
     * anyway: a quarter of the 64 MB maximum, at most one full collection per quiet period.
     */
    static final long BUSY_CEILING_BYTES = 16L << 20;

    @Produces
    @Singleton
    Optional<TmuxAdapter> tmux(ServerSettings settings, WatchedScreenRules rules, ControlToken token) {
        PaneCopier copier = new PaneCopier(settings.home().resolve("bin").resolve("opensessions-pipe"),
                settings.runtimeDir().resolve(RuntimeFiles.TOKEN), token.value());
        Optional<TmuxAdapter> tmux = MultiplexerFactory.tmux(settings, new QuarkusServerLifecycle(), rules.rules(),
                copier);
        // A rule file added or changed teaches the process reader its program at once.
        tmux.ifPresent(adapter -> rules.onChange(() -> adapter.agentProcesses().programs(
                rules.loaded().programs())));
        return tmux;
    }

    /** The agents' screen rules: shipped, and the user's in the config folder's {@code agents}, watched. */
    @Produces
    @Singleton
    WatchedScreenRules screenRules(ServerSettings settings) {
        return new WatchedScreenRules(settings.configDir().resolve(ScreenRuleFiles.USER_FOLDER)).start();
    }

    void close(@Disposes WatchedScreenRules rules) {
        rules.close();
    }

    void close(@Disposes Optional<TmuxAdapter> tmux) {
        tmux.ifPresent(TmuxAdapter::close);
    }

    @Produces
    @Singleton
    Core core(StoreFactory stores, Optional<TmuxAdapter> tmux, ServerSettings settings, WatchedScreenRules rules) {
        Path bin = settings.home().resolve("bin");
        Core.Outside outside = new Core.Outside(MultiplexerFactory.sessions(tmux), MultiplexerFactory.commands(tmux),
                MultiplexerFactory.sidebarPanes(tmux, bin.resolve("opensessions-pane"), settings.runtimeDir()),
                new HostSystem(System.getenv()),
                new ConfigFileSettingsStore(settings.configDir().resolve(SidebarHost.CONFIG_FILE)),
                new QuarkusServerLifecycle(), List.of(bin.resolve("opensessions-sessionizer").toString()),
                settings.agentHome().toString(), agentSources(settings), MultiplexerFactory.agentProcesses(tmux),
                new Core.Screens(MultiplexerFactory.paneActivity(tmux), MultiplexerFactory.paneScreens(tmux), rules),
                new NotificationConfigReader(settings.configDir().resolve(SidebarHost.CONFIG_FILE)).read(),
                new HostUserCommand(HostUserCommand.DEFAULT_LIMIT));
        Core core = new Core(Clock.systemUTC(), stores.open(), outside);
        // Only visible sessions have their working trees watched.
        tmux.ifPresent(adapter -> core.onHiddenSessions(adapter.facts()::hidden));
        core.collectAfterBursts(BurstEndCollection.Heap.ofRuntime(), BURST_QUIET, BURST_WORTH_BYTES,
                BUSY_CEILING_BYTES);
        return core;
    }

    /** The notification settings of config.json, watched: the runtime starts the watch once the core runs. */
    @Produces
    @Singleton
    WatchedNotificationSettings notificationSettings(Core core, ServerSettings settings) {
        Path file = settings.configDir().resolve(SidebarHost.CONFIG_FILE);
        return new WatchedNotificationSettings(file, core.notifications.settings(), core.notifications::use);
    }

    void close(@Disposes WatchedNotificationSettings watched) {
        watched.close();
    }

    /** Every agent's own records, and the command plugins config.json declares. */
    private static List<AgentSource> agentSources(ServerSettings settings) {
        List<AgentSource> sources = new ArrayList<>(AgentSources.standard(System.getenv(), settings.agentHome(),
                Clock.systemUTC()));
        new AgentPluginConfigReader(settings.configDir().resolve(SidebarHost.CONFIG_FILE)).read()
                .forEach(plugin -> sources.add(new CommandAgentSource(plugin, Clock.systemUTC())));
        return sources;
    }

    void close(@Disposes Core core) {
        core.close();
    }

    /** 32 random bytes as hex, new for every server start. */
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
        return core.pushedAgentEvents;
    }

    @Produces
    RegisterPiRuntimeUseCase registerPiRuntime(Core core) {
        return core.piRuntimes;
    }

    @Produces
    EndPiRuntimeUseCase endPiRuntime(Core core) {
        return core.piRuntimes;
    }

    @Produces
    WaitForAgentUseCase waitForAgent(Core core) {
        return core.waits;
    }

    @Produces
    WatchTransitionsUseCase watchTransitions(Core core) {
        return core.waits;
    }

    @Produces
    ReadWaitStatsUseCase readWaitStats(Core core) {
        return core.waitStats;
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
    CommitWritesUseCase commitWrites(Core core) {
        return core.durable;
    }

    @Produces
    SwitchSessionUseCase switchSession(Core core) {
        return core.switchSession;
    }

    @Produces
    JumpToNextUseCase jumpToNext(Core core) {
        return core.jump;
    }

    @Produces
    ExplainAgentsUseCase explainAgents(Core core) {
        return core.agents;
    }

    @Produces
    SidebarPresenceUseCase sidebarPresence(Core core) {
        return core.presence;
    }

    @Produces
    SidebarSettingsUseCase sidebarSettings(Core core) {
        return core.settings;
    }

    @Produces
    SidebarActionsUseCase sidebarActions(Core core) {
        return core.actions;
    }

    @Produces
    RefreshUseCase refresh(Core core) {
        return core.refresh;
    }

    /** What sidebar panes ask for, carried out through the core's use cases. */
    @Produces
    @Singleton
    EffectHandler sidebarEffects(Core core) {
        return new UseCaseEffects(new UseCaseEffects.UseCases(core.switchSession, core.quit, core.order, core.order,
                core.order, core.actions, core.settings, core.refresh, core.jump, core.waitStats, Clock.systemUTC()));
    }

    @Produces
    QuitUseCase quit(Core core) {
        return core.quit;
    }
}
