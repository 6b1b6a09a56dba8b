package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentThreadStore;
import dev.opensessions.application.port.out.MetadataStore;
import dev.opensessions.application.port.out.SessionOrderStore;
import dev.opensessions.application.port.out.StatusHistoryStore;
import dev.opensessions.application.port.out.StoreException;
import dev.opensessions.application.port.out.StoreFullException;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.SeenMark;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Stores that keep what they are given and count writes; can be told to fail every call. */
final class RecordingStores {

    volatile boolean failing;
    /** Fails every write as a full disk does; reads still work. */
    volatile boolean full;
    volatile SessionOrder order = SessionOrder.empty();
    final Map<SessionName, SessionMetadata> metadata = new ConcurrentHashMap<>();
    final Map<ThreadKey, AgentThread> threads = new ConcurrentHashMap<>();
    final List<StatusTransition> history = Collections.synchronizedList(new ArrayList<>());
    /** Every agent row saved, in the order saved. */
    final List<AgentThread> saved = Collections.synchronizedList(new ArrayList<>());
    final List<SeenMark> seen = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger writes = new AtomicInteger();

    final SessionOrderStore orders = new SessionOrderStore() {
        @Override
        public SessionOrder load() {
            check();
            return order;
        }

        @Override
        public void save(SessionOrder value) {
            write();
            order = value;
        }
    };

    final MetadataStore metadataStore = new MetadataStore() {
        @Override
        public Map<SessionName, SessionMetadata> loadAll() {
            check();
            return Map.copyOf(metadata);
        }

        @Override
        public void save(SessionName session, SessionMetadata value) {
            write();
            if (value.isEmpty()) {
                metadata.remove(session);
            } else {
                metadata.put(session, value);
            }
        }
    };

    final AgentThreadStore threadStore = new AgentThreadStore() {
        @Override
        public List<AgentThread> loadAll() {
            check();
            return List.copyOf(threads.values());
        }

        @Override
        public void save(AgentThread thread) {
            write();
            saved.add(thread);
            threads.put(thread.key(), thread);
        }

        @Override
        public void delete(ThreadKey key) {
            write();
            threads.remove(key);
        }
    };

    final StatusHistoryStore historyStore = new StatusHistoryStore() {
        @Override
        public void append(List<StatusTransition> transitions) {
            write();
            history.addAll(transitions);
        }

        @Override
        public void appendSeen(List<SeenMark> marks) {
            write();
            seen.addAll(marks);
        }

        @Override
        public List<StatusTransition> recent(SessionName session, int limit) {
            check();
            synchronized (history) {
                return history.reversed().stream().filter(t -> t.session().equals(session)).limit(limit).toList();
            }
        }

        @Override
        public List<StatusTransition> transitionsSince(Instant since) {
            check();
            synchronized (history) {
                return history.stream().filter(t -> !t.at().isBefore(since)).toList();
            }
        }

        @Override
        public List<SeenMark> seenSince(Instant since) {
            check();
            synchronized (seen) {
                return seen.stream().filter(m -> !m.at().isBefore(since)).toList();
            }
        }
    };

    /** While set, every commit waits for it before it writes (what it writes was taken before). */
    volatile java.util.concurrent.CountDownLatch gate;

    DurableStateService service() {
        return new DurableStateService(orders, metadataStore, threadStore, historyStore, work -> {
            java.util.concurrent.CountDownLatch waitFor = gate;
            if (waitFor != null) {
                try {
                    waitFor.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            work.run();
        });
    }

    private void check() {
        if (failing) {
            throw new StoreException("disk on fire", null);
        }
    }

    private void write() {
        check();
        if (full) {
            throw new StoreFullException("the disk is full", null);
        }
        writes.incrementAndGet();
    }
}
