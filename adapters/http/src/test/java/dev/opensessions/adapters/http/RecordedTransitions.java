package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.ReadAgentHistoryUseCase;
import dev.opensessions.application.service.TransitionRecorder;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.session.SessionName;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The history the recorder was handed, read back newest first as the store-backed history is. */
public final class RecordedTransitions implements TransitionRecorder, ReadAgentHistoryUseCase {

    private final List<StatusTransition> recorded = new CopyOnWriteArrayList<>();
    private volatile int lastLimit;

    @Override
    public void record(StatusTransition transition) {
        recorded.add(transition);
    }

    @Override
    public List<StatusTransition> history(SessionName session, int limit) {
        lastLimit = limit;
        List<StatusTransition> newestFirst = new ArrayList<>(recorded.stream()
                .filter(t -> t.session().equals(session)).toList());
        Collections.reverse(newestFirst);
        return newestFirst.stream().limit(limit).toList();
    }

    /** The limit of the last history read, to see the adapter's clamping. */
    public int lastLimit() {
        return lastLimit;
    }
}
