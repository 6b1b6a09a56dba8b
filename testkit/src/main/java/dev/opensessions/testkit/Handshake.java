package dev.opensessions.testkit;

import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The opening handshake of a {@link RawWebSocket} (RFC 6455, section 4): the request, and the checks of the answer. */
final class Handshake {

    static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private Handshake() {
    }

    /** A fresh random key: 16 bytes, base64. */
    static String newKey() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** The upgrade request's head: the given headers as given, a {@code Host} among them in place of the URI's. */
    static String request(URI uri, Map<String, String> headers, String key) {
        if (!"ws".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("expected ws://host:port/path, got " + uri);
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", uri.getHost() + ":" + uri.getPort());
        headers.forEach((name, value) -> {
            if ((name + value).indexOf('\r') >= 0 || (name + value).indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a header with CR or LF: " + name);
            }
            all.keySet().removeIf(known -> known.equalsIgnoreCase(name));
            all.put(name, value);
        });
        all.put("Upgrade", "websocket");
        all.put("Connection", "Upgrade");
        all.put("Sec-WebSocket-Key", key);
        all.put("Sec-WebSocket-Version", "13");
        StringBuilder head = new StringBuilder("GET ").append(uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n");
        all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    /**
     * Checks the answer's head: {@link RawWebSocket.Refused} for another status than 101, a
     * {@link ProtocolException} for a 101 without the right {@code Sec-WebSocket-Accept}, {@code Upgrade} or
     * {@code Connection}.
     */
    static void check(String head, String key) throws ProtocolException, RawWebSocket.Refused {
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.") || !status[1].matches("[0-9]{3}")) {
            throw new ProtocolException("not an HTTP answer: " + lines[0]);
        }
        int code = Integer.parseInt(status[1]);
        if (code != 101) {
            throw new RawWebSocket.Refused(code, head);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                fields.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        if (!"websocket".equalsIgnoreCase(fields.get("upgrade"))) {
            throw new ProtocolException("101 without Upgrade: websocket");
        }
        if (Arrays.stream(fields.getOrDefault("connection", "").split(","))
                .noneMatch(token -> token.trim().equalsIgnoreCase("upgrade"))) {
            throw new ProtocolException("101 without Connection: Upgrade");
        }
        if (!accept(key).equals(fields.get("sec-websocket-accept"))) {
            throw new ProtocolException("101 with Sec-WebSocket-Accept " + fields.get("sec-websocket-accept")
                    + ", expected " + accept(key));
        }
    }

    /** The {@code Sec-WebSocket-Accept} a server must answer to this key. */
    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
