package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.MultiplexerException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** How a port call waits for tmux: at most the command timeout, failures turned into the port's exception. */
final class TmuxWait {

    private TmuxWait() {
    }

    /** The model's snapshot, or a fresh listing when it lacks something: the model may lag tmux a moment. */
    static TmuxSnapshot knowing(TmuxModel model, Predicate<TmuxSnapshot> complete, Duration timeout) {
        TmuxSnapshot current = model.current();
        return complete.test(current) ? current : await("listing", model.refresh(), timeout);
    }

    /**
     * Waits for tmux. The message names the command only: tmux's own error text echoes the user's input and
     * stays in the cause, for the log.
     */
    static <T> T await(String command, CompletableFuture<T> reply, Duration timeout) {
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MultiplexerException("interrupted while waiting for tmux " + command, interrupted);
        } catch (TimeoutException late) {
            throw timedOut(command, late, timeout);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof TimeoutException late) {
                throw timedOut(command, late, timeout);
            }
            throw new MultiplexerException("tmux " + command + " failed", cause);
        }
    }

    /**
     * True when tmux refused a command because its target no longer exists ({@code can't find pane: %3}): the
     * model had not yet heard that a pane, window or session went away, which the ports report as gone.
     */
    static boolean targetGone(MultiplexerException failure) {
        return failure.getCause() instanceof TmuxException refused && refused.getMessage() != null
                && refused.getMessage().contains("can't find ");
    }

    private static MultiplexerException timedOut(String command, TimeoutException late, Duration timeout) {
        return new MultiplexerException(
                "tmux " + command + " got no answer within " + timeout.toMillis() + " ms", late);
    }
}
