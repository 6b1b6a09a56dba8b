package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.PaneId;

import java.time.Instant;

/** Builds agent events for tests with only the fields a test cares about. */
record Events(String agent, AgentStatus status, Instant ts, String threadId, String threadName, String prompt,
              Boolean unseen, PaneId pane, String projectDir) {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    static Events of(String agent, AgentStatus status) {
        return new Events(agent, status, T0, null, null, null, null, null, null);
    }

    Events at(Instant value) {
        return new Events(agent, status, value, threadId, threadName, prompt, unseen, pane, projectDir);
    }

    Events thread(String id) {
        return new Events(agent, status, ts, id, threadName, prompt, unseen, pane, projectDir);
    }

    Events named(String name) {
        return new Events(agent, status, ts, threadId, name, prompt, unseen, pane, projectDir);
    }

    Events prompt(String value) {
        return new Events(agent, status, ts, threadId, threadName, value, unseen, pane, projectDir);
    }

    Events unseen(Boolean value) {
        return new Events(agent, status, ts, threadId, threadName, prompt, value, pane, projectDir);
    }

    Events pane(String id) {
        return new Events(agent, status, ts, threadId, threadName, prompt, unseen, PaneId.of(id), projectDir);
    }

    AgentEvent event() {
        return new AgentEvent(agent, status, ts, threadId, threadName, prompt, unseen, pane, projectDir);
    }
}
