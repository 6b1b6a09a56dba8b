/**
 * The load tool of bench/run.sh, run with the JDK source launcher: {@code events} measures agent events
 * accepted per second, {@code subscribers} holds WebSocket subscribers while the state changes. Each prints
 * one line of JSON on stdout; {@code instant-server} answers at once, to measure the events mode's own CPU. Usage:
 * {@code java Load.java events|subscribers|instant-server key=value...}.
 */
public final class Load {

    private Load() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        switch (options.mode()) {
            case "events" -> EventLoad.run(options);
            case "subscribers" -> Subscribers.run(options);
            case "instant-server" -> InstantServer.run(options);
            case "wire" -> WireCheck.run(options);
            default -> {
                System.err.println("usage: java Load.java events|subscribers|instant-server port=N [key=value...]");
                System.exit(2);
            }
        }
    }
}
