import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One sending thread of the event load: cycles its own agent threads through the statuses, one request at
 * a time over its own kept-alive connection, and remembers the last status it got accepted for each; counts and times what lands in the
 * measured window.
 */
final class EventWorker implements Runnable {

    static final String AGENT = "bench-load";
    private static final List<String> STATUSES = List.of("running", "tool-running", "waiting", "done", "error");

    private final int index;
    private final String[] sessions;
    private final String[] lastStatus;
    private final KeepAliveConnection connection;
    private final long measureFrom;
    private final long end;
    private long sent;
    private long measured;
    private long failed;
    private String firstFailure = "";
    private long[] latencies = new long[1 << 16];

    EventWorker(int index, int agents, int sessionCount, int port, long measureFrom, long end) {
        this.index = index;
        this.sessions = new String[agents];
        for (int k = 0; k < agents; k++) {
            sessions[k] = String.format("s%02d", (index * agents + k) % sessionCount + 1);
        }
        this.lastStatus = new String[agents];
        this.connection = new KeepAliveConnection(port, "/api/agent-event");
        this.measureFrom = measureFrom;
        this.end = end;
    }

    @Override
    public void run() {
        for (long i = 0; System.nanoTime() < end; i++) {
            int k = (int) (i % sessions.length);
            String status = STATUSES.get((int) ((i / sessions.length + k) % STATUSES.size()));
            String body = "{\"agent\":\"" + AGENT + "\",\"status\":\"" + status + "\",\"tmuxSession\":\""
                    + sessions[k] + "\",\"threadId\":\"" + threadId(k) + "\"}";
            long started = System.nanoTime();
            int code;
            try {
                code = connection.post(body);
            } catch (Exception e) {
                fail(e.toString());
                continue;
            } finally {
                sent++;
            }
            long done = System.nanoTime();
            if (code != 204) {
                fail("HTTP " + code + " for " + sessions[k]);
                continue;
            }
            lastStatus[k] = status;
            if (started >= measureFrom && done < end) {
                if (measured == latencies.length) {
                    latencies = Arrays.copyOf(latencies, latencies.length * 2);
                }
                latencies[(int) measured++] = done - started;
            }
        }
        connection.close();
    }

    /** The last accepted status of each agent thread, by thread id. */
    Map<String, String> lastStatuses() {
        Map<String, String> last = new HashMap<>();
        for (int k = 0; k < lastStatus.length; k++) {
            if (lastStatus[k] != null) {
                last.put(threadId(k), lastStatus[k]);
            }
        }
        return last;
    }

    long sent() {
        return sent;
    }

    long measured() {
        return measured;
    }

    long failed() {
        return failed;
    }

    String firstFailure() {
        return firstFailure.replace('"', '\'');
    }

    long[] latencies() {
        return Arrays.copyOf(latencies, (int) measured);
    }

    private String threadId(int k) {
        return "w" + index + "-t" + k;
    }

    private void fail(String why) {
        failed++;
        if (firstFailure.isEmpty()) {
            firstFailure = why;
        }
    }
}
