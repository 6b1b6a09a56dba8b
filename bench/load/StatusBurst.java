import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.locks.LockSupport;

/**
 * Changes the server state at a fixed rate over one kept-alive connection: POST /set-status with a new
 * text for one session each time, so every change publishes a new state to every subscriber.
 */
final class StatusBurst implements Runnable {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI uri;
    private final String session;
    private final long interval;
    private volatile boolean stopped;
    private long sent;
    private long failed;

    StatusBurst(int port, String session, double rate) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/set-status");
        this.session = session;
        this.interval = (long) (1e9 / rate);
    }

    @Override
    public void run() {
        long next = System.nanoTime();
        while (!stopped) {
            String body = "{\"session\":\"" + session + "\",\"text\":\"burst" + sent + "\",\"tone\":\"info\"}";
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 204) {
                    failed++;
                }
            } catch (Exception e) {
                failed++;
            }
            sent++;
            // A fixed schedule: a slow answer is caught up, never turned into a burst of its own.
            next = Math.max(next + interval, System.nanoTime() - interval);
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    void stop() {
        stopped = true;
    }

    long sent() {
        return sent;
    }

    long failed() {
        return failed;
    }
}
