package dev.opensessions.server;

import dev.opensessions.application.state.Subscription;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayCountingWatchTest {

    private final List<Boolean> told = new ArrayList<>();
    private int open;
    private final DisplayCountingWatch watch = new DisplayCountingWatch(sink -> {
        open++;
        return () -> open--;
    }, told::add);

    @Test
    void saysDisplayedWhenTheFirstWatcherComesAndNotWhenTheLastLeaves() {
        Subscription first = watch.watch(snapshot -> { });
        Subscription second = watch.watch(snapshot -> { });
        first.close();
        assertThat(told).containsExactly(true);

        second.close();
        assertThat(told).containsExactly(true, false);
        assertThat(open).isZero();
    }

    @Test
    void closingTwiceCountsOnce() {
        Subscription first = watch.watch(snapshot -> { });
        Subscription second = watch.watch(snapshot -> { });

        first.close();
        first.close();

        assertThat(watch.watchers()).isEqualTo(1);
        assertThat(told).containsExactly(true);
        second.close();
        assertThat(told).containsExactly(true, false);
    }
}
