package dev.opensessions.application.service;

import dev.opensessions.domain.agent.StatusTransition;

/** Takes status transitions off the hot path to be stored later; must not block. */
@FunctionalInterface
public interface TransitionRecorder {

    void record(StatusTransition transition);
}
