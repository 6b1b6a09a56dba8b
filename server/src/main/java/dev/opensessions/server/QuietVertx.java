package dev.opensessions.server;

import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.VertxOptions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

/**
 * Slows Vert.x's blocked-thread checker from once a second to twice a minute: a timer thread that woke every
 * second was a steady share of the server's idle CPU (nothing may wake while idle, docs/explanation/performance.md),
 * and no request of this server runs long enough for the warning to say anything a 30 s check would not.
 */
@ApplicationScoped
public class QuietVertx implements VertxOptionsCustomizer {

    /** How often the checker looks; an event loop blocked for longer than this is still reported. */
    static final long CHECK_INTERVAL_SECONDS = 30;

    @Override
    public void accept(VertxOptions options) {
        options.setBlockedThreadCheckInterval(CHECK_INTERVAL_SECONDS);
        options.setBlockedThreadCheckIntervalUnit(TimeUnit.SECONDS);
    }
}
