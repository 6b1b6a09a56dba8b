package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.testkit.PrivateTmux;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A started adapter on a private tmux server, with its exit callback counted. */
final class Running implements AutoCloseable {

    final PrivateTmux tmux;
    final TmuxAdapter adapter;
    final AtomicInteger exits = new AtomicInteger();

    private Running(PrivateTmux tmux, PaneCopier copier) {
        this.tmux = tmux;
        TmuxAdapter built = new TmuxAdapter(TmuxServer.named(PrivateTmux.TMUX, tmux.name()), Duration.ofSeconds(20),
                exits::incrementAndGet);
        this.adapter = (copier == null ? built : built.pipeOutput(copier)).start();
        Await.until(() -> !adapter.model().current().sessions().isEmpty(), Duration.ofSeconds(30), "first listing");
    }

    static Running withSession(String session) {
        return new Running(PrivateTmux.withSession(session), null);
    }

    /** As {@link #withSession(String)}, with the watched panes' output piped through the copier. */
    static Running piping(String session, PaneCopier copier) {
        return new Running(PrivateTmux.withSession(session), copier);
    }

    TmuxSnapshot snapshot() {
        return adapter.model().current();
    }

    /** Waits until the model shows what the test expects. */
    void awaitModel(Predicate<TmuxSnapshot> condition, String what) {
        Await.until(() -> condition.test(snapshot()), Duration.ofSeconds(20), what);
    }

    /**
     * Runs an outside tmux command and waits until the model shows its effect; prints the latency from before
     * the CLI started (it includes the CLI's own fork and run) and from when it returned.
     */
    void timed(String[] outside, Predicate<TmuxSnapshot> condition, String what) {
        long start = System.nanoTime();
        tmux.run(outside);
        long ran = System.nanoTime();
        Await.until(() -> condition.test(snapshot()), Duration.ofSeconds(20), what);
        long seen = System.nanoTime();
        System.out.printf("observed latency (%s): %d ms from before the tmux CLI ran, %d ms after it returned%n",
                what, (seen - start) / 1_000_000, (seen - ran) / 1_000_000);
    }

    @Override
    public void close() {
        adapter.close();
        tmux.close();
    }
}
