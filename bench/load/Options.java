import java.util.HashMap;
import java.util.Map;

/** The load tool's command line: a mode, then key=value settings, each with a default. */
record Options(String mode, Map<String, String> values) {

    Options {
        values = Map.copyOf(values);
    }

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("expected key=value, got " + args[i]);
            }
            values.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        return new Options(args.length == 0 ? "" : args[0], values);
    }

    int integer(String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
    }

    double decimal(String key, double fallback) {
        return values.containsKey(key) ? Double.parseDouble(values.get(key)) : fallback;
    }

    String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /** The server's port; every mode needs it. */
    int port() {
        int port = integer("port", 0);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port=N is required");
        }
        return port;
    }
}
