import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;
import java.util.List;

/**
 * One selector thread of the event load: drives its {@link EventSender}s until each has had its last answer
 * after the end of the load. It sleeps in the selector while every sender waits for the server.
 */
final class EventLoop implements Runnable {

    private final List<EventSender> senders;

    EventLoop(List<EventSender> senders) {
        this.senders = List.copyOf(senders);
    }

    @Override
    public void run() {
        try (Selector selector = Selector.open()) {
            senders.forEach(sender -> sender.start(selector));
            while (senders.stream().anyMatch(EventSender::busy)) {
                // The timeout only lets an answer that never comes be noticed.
                selector.select(key -> ((EventSender) key.attachment()).ready(key), 1000);
                long now = System.nanoTime();
                senders.forEach(sender -> sender.checkTimeout(now));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            senders.forEach(EventSender::close);
        }
    }
}
