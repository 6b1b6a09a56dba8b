package dev.opensessions.domain.notify;

import dev.opensessions.domain.agent.AgentStatus;

import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What config.json says about telling the user that an agent needs them (docs/reference/configuration.md#notifications).
 *
 * @param enabled        false turns every notification off
 * @param agents         the agents to tell about; empty means every agent
 * @param statuses       the statuses whose arrival is told: some of waiting, done, error, interrupted
 * @param quiet          hours in which nothing is told, null when none
 * @param cooldown       after one notification about a thread, none about the same thread for this long
 * @param tmuxMessage    true to show a message on the status line of every attached client
 * @param terminal       the terminal's own notification, through tmux passthrough
 * @param command        a program to run with the event as JSON on stdin (argument vector); empty for none
 * @param commandTimeout how long that program may run before it is killed
 */
public record NotificationSettings(boolean enabled, Set<String> agents, Set<AgentStatus> statuses, QuietHours quiet,
                                   Duration cooldown, boolean tmuxMessage, TerminalNotification terminal,
                                   List<String> command, Duration commandTimeout) {

    /** The statuses a notification can be about. */
    public static final Set<AgentStatus> NOTIFIABLE = EnumSet.of(AgentStatus.WAITING, AgentStatus.DONE,
            AgentStatus.ERROR, AgentStatus.INTERRUPTED);
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(30);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);

    public NotificationSettings {
        agents = Set.copyOf(agents);
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(terminal, "terminal");
        command = List.copyOf(command);
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (!NOTIFIABLE.containsAll(statuses)) {
            throw new IllegalArgumentException("only waiting, done, error and interrupted can be notified");
        }
        if (cooldown.isNegative() || commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("cooldown and command timeout must not be negative");
        }
    }

    /** On for every agent and every notifiable status, a tmux message and OSC 9, 30 s cooldown, no command. */
    public static NotificationSettings defaults() {
        return new NotificationSettings(true, Set.of(), NOTIFIABLE, null, DEFAULT_COOLDOWN, true,
                TerminalNotification.OSC9, List.of(), DEFAULT_COMMAND_TIMEOUT);
    }

    /** Nothing is ever told. */
    public static NotificationSettings off() {
        return new NotificationSettings(false, Set.of(), NOTIFIABLE, null, DEFAULT_COOLDOWN, true,
                TerminalNotification.OSC9, List.of(), DEFAULT_COMMAND_TIMEOUT);
    }

    /** True when a change of this agent to this status is one to tell about, leaving time and repeats aside. */
    public boolean covers(String agent, AgentStatus status) {
        return enabled && statuses.contains(status) && (agents.isEmpty() || agents.contains(agent));
    }

    /** Hours of the local day in which nothing is told; {@code from} after {@code to} spans midnight. */
    public record QuietHours(LocalTime from, LocalTime to) {

        public QuietHours {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public boolean contains(LocalTime time) {
            if (from.equals(to)) {
                return false;
            }
            return from.isBefore(to)
                    ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }
    }
}
