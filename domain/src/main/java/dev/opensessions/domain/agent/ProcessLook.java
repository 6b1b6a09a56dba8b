package dev.opensessions.domain.agent;

import java.util.Objects;

/**
 * What process liveness says of one thread: its agent process lives ({@code process} set), no such process
 * exists ({@code known} and no process), or this machine cannot tell ({@code known} false).
 */
public record ProcessLook(AgentProcess process, boolean known) {

    public static ProcessLook alive(AgentProcess process) {
        return new ProcessLook(Objects.requireNonNull(process, "process"), true);
    }

    public static ProcessLook gone() {
        return new ProcessLook(null, true);
    }

    public static ProcessLook unknown() {
        return new ProcessLook(null, false);
    }

    public boolean alive() {
        return process != null;
    }
}
