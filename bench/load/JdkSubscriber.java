import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One subscriber on the JDK's WebSocket client (java.net.http), used by the wire check only: that client loses the
 * bytes that arrive right after the upgrade answer now and then (bench/ws-wire.sh shows it), so the load tool's own
 * subscribers ({@link Subscriber}) read the socket themselves. Counts the whole text frames it receives and notes when
 * and why it was closed.
 */
final class JdkSubscriber implements WebSocket.Listener {

    private final AtomicLong frames = new AtomicLong();
    private volatile String ending;

    @Override
    public void onOpen(WebSocket socket) {
        socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        if (last) {
            frames.incrementAndGet();
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        ending = "closed " + statusCode + (reason.isEmpty() ? "" : " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        // The JDK reports a protocol violation as a bare ProtocolException; the reason is in its causes.
        StringBuilder chain = new StringBuilder("failed: ").append(error);
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            chain.append(" <- ").append(cause);
        }
        ending = chain.toString();
    }

    long frames() {
        return frames.get();
    }

    boolean closed() {
        return ending != null;
    }

    /** How the connection ended ("closed 1011", "failed: ..."), or null while it is open. */
    String ending() {
        return ending;
    }
}
