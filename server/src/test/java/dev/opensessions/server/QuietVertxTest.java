package dev.opensessions.server;

import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class QuietVertxTest {

    @Test
    void theBlockedThreadCheckerLooksTwiceAMinuteInsteadOfEverySecond() {
        VertxOptions options = new VertxOptions();

        new QuietVertx().accept(options);

        assertThat(options.getBlockedThreadCheckIntervalUnit().toSeconds(options.getBlockedThreadCheckInterval()))
                .isEqualTo(30);
        assertThat(options.getBlockedThreadCheckIntervalUnit()).isEqualTo(TimeUnit.SECONDS);
    }
}
