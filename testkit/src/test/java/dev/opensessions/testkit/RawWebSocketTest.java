package dev.opensessions.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The raw client against a tiny server written here, byte by byte, in the test's own thread. */
class RawWebSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern KEY = Pattern.compile("(?i)\r\nSec-WebSocket-Key: (\\S+)\r\n");

    private ServerSocket server;
    private Socket peer;
    private DataInputStream fromClient;
    private String request;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        server.setSoTimeout((int) WAIT.toMillis());
    }

    @AfterEach
    void stop() throws IOException {
        if (peer != null) {
            peer.close();
        }
        server.close();
    }

    @Test
    void aFrameWrittenTogetherWithThe101IsKept() throws IOException {
        RawWebSocket client = RawWebSocket.request(uri(), Map.of(), WAIT);
        String key = acceptRequest();
        writeToClient(concat(upgradeAnswer(Handshake.accept(key)), frame(0x81, "hello, först".getBytes(StandardCharsets.UTF_8))));

        client.awaitUpgrade(WAIT);

        assertThat(client.receive(WAIT)).isEqualTo(new RawWebSocket.Message.Text("hello, först"));
        client.abort();
    }

    @Test
    void theRequestCarriesARandomKeyAndTheHeadersGiven() throws IOException {
        RawWebSocket.request(uri(), Map.of("Origin", "http://evil.example", "host", "other:1"), WAIT).abort();
        String first = acceptRequest();
        String chosen = request;
        peer.close();
        RawWebSocket.request(uri(), Map.of(), WAIT).abort();
        String second = acceptRequest();

        assertThat(first).isNotEqualTo(second);
        assertThat(hosts(chosen)).containsExactly("host: other:1");
        assertThat(chosen).contains("Origin: http://evil.example\r\n");
        assertThat(hosts(request)).containsExactly("Host: 127.0.0.1:" + server.getLocalPort());
        assertThat(request).startsWith("GET /ws?x=1 HTTP/1.1\r\n").contains("Sec-WebSocket-Version: 13\r\n");
    }

    private static java.util.List<String> hosts(String head) {
        return Arrays.stream(head.split("\r\n")).filter(l -> l.regionMatches(true, 0, "Host:", 0, 5)).toList();
    }

    @Test
    void aFragmentedMessageIsJoinedAndAPingBetweenItsPartsIsAnswered() throws IOException {
        RawWebSocket client = upgraded();
        byte[] text = "ünïcödé split inside a character".getBytes(StandardCharsets.UTF_8);
        writeToClient(concat(frame(0x01, Arrays.copyOfRange(text, 0, 2)), frame(0x89, new byte[]{7}),
                frame(0x00, Arrays.copyOfRange(text, 2, 9)), frame(0x80, Arrays.copyOfRange(text, 9, text.length))));

        assertThat(client.receive(WAIT)).isEqualTo(new RawWebSocket.Message.Text("ünïcödé split inside a character"));
        ClientFrame pong = readClientFrame();
        assertThat(pong.opcode()).isEqualTo(0xA);
        assertThat(pong.payload()).containsExactly(7);
        client.abort();
    }

    @Test
    void aCloseWithCodeAndReasonIsReturnedAndAnswered() throws IOException {
        RawWebSocket client = upgraded();
        byte[] reason = "too many unread replies".getBytes(StandardCharsets.UTF_8);
        writeToClient(frame(0x88, concat(new byte[]{0x03, (byte) 0xF0}, reason)));

        assertThat(client.receive(WAIT)).isEqualTo(new RawWebSocket.Message.Close(1008, "too many unread replies"));
        ClientFrame answer = readClientFrame();
        assertThat(answer.opcode()).isEqualTo(0x8);
        assertThat(Arrays.copyOf(answer.payload(), 2)).containsExactly(0x03, 0xF0);
        assertThat(client.closeSent()).isTrue();
        client.abort();
    }

    @Test
    void clientFramesAreMaskedAndLongOnesUseTheLongerLengths() throws IOException {
        RawWebSocket client = upgraded();
        String big = "x".repeat(70_000);
        client.sendText("short");
        client.sendText(big.substring(0, 300));
        client.sendText(big);

        assertThat(readClientFrame().text()).isEqualTo("short");
        assertThat(readClientFrame().text()).hasSize(300);
        assertThat(readClientFrame().text()).isEqualTo(big);
        writeToClient(frame(0x81, big.getBytes(StandardCharsets.US_ASCII)));
        assertThat(client.receive(WAIT)).isEqualTo(new RawWebSocket.Message.Text(big));
        client.abort();
    }

    @Test
    void aWaitPastItsDeadlineKeepsThePartOfAFrameAlreadyRead() throws IOException {
        RawWebSocket client = upgraded();
        byte[] whole = frame(0x81, "arrives in two parts".getBytes(StandardCharsets.UTF_8));
        writeToClient(Arrays.copyOf(whole, 5));

        assertThatThrownBy(() -> client.receive(Duration.ofMillis(50))).isInstanceOf(SocketTimeoutException.class);
        writeToClient(Arrays.copyOfRange(whole, 5, whole.length));
        assertThat(client.receive(WAIT)).isEqualTo(new RawWebSocket.Message.Text("arrives in two parts"));
        client.abort();
    }

    @Test
    void invalidUtf8IsAnErrorNotAReplacementCharacter() throws IOException {
        RawWebSocket client = upgraded();
        writeToClient(frame(0x81, new byte[]{'o', 'k', (byte) 0xC0, (byte) 0xAF}));

        assertThatThrownBy(() -> client.receive(WAIT)).isInstanceOf(CharacterCodingException.class);
        client.abort();
    }

    @Test
    void aMaskedOrReservedBitFrameFromTheServerIsAnError() throws IOException {
        RawWebSocket masked = upgraded();
        writeToClient(new byte[]{(byte) 0x81, (byte) 0x81, 1, 2, 3, 4, 'a'});
        assertThatThrownBy(() -> masked.receive(WAIT)).isInstanceOf(ProtocolException.class).hasMessageContaining("masked");
        masked.abort();
        peer.close();

        RawWebSocket reserved = upgraded();
        writeToClient(frame(0xC1, new byte[]{'a'}));
        assertThatThrownBy(() -> reserved.receive(WAIT)).isInstanceOf(ProtocolException.class).hasMessageContaining("reserved");
        reserved.abort();
    }

    @Test
    void aWrongAcceptIsRefused() throws IOException {
        RawWebSocket client = RawWebSocket.request(uri(), Map.of(), WAIT);
        acceptRequest();
        writeToClient(upgradeAnswer(Handshake.accept("c29tZSBvdGhlciBrZXk=")));

        assertThatThrownBy(() -> client.awaitUpgrade(WAIT)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Sec-WebSocket-Accept");
        client.abort();
    }

    @Test
    void anotherStatusThan101IsRefusedWithThatStatus() throws IOException {
        RawWebSocket client = RawWebSocket.request(uri(), Map.of(), WAIT);
        acceptRequest();
        writeToClient("HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> client.awaitUpgrade(WAIT)).isInstanceOfSatisfying(RawWebSocket.Refused.class,
                refused -> assertThat(refused.status()).isEqualTo(403));
        client.abort();
    }

    private URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/ws?x=1");
    }

    private RawWebSocket upgraded() throws IOException {
        RawWebSocket client = RawWebSocket.request(uri(), Map.of(), WAIT);
        writeToClient(upgradeAnswer(Handshake.accept(acceptRequest())));
        client.awaitUpgrade(WAIT);
        return client;
    }

    /** Accepts the client's connection, reads its request head and returns its key. */
    private String acceptRequest() throws IOException {
        peer = server.accept();
        peer.setSoTimeout((int) WAIT.toMillis());
        fromClient = new DataInputStream(peer.getInputStream());
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(fromClient.readUnsignedByte());
        }
        request = head.toString(StandardCharsets.ISO_8859_1);
        Matcher key = KEY.matcher(request);
        assertThat(key.find()).as("a key in %s", request).isTrue();
        assertThat(java.util.Base64.getDecoder().decode(key.group(1))).hasSize(16);
        return key.group(1);
    }

    private static byte[] upgradeAnswer(String accept) {
        return ("HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n"
                + "sec-websocket-accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private void writeToClient(byte[] bytes) throws IOException {
        peer.getOutputStream().write(bytes);
        peer.getOutputStream().flush();
    }

    /** A server frame: unmasked, the first byte as given. */
    private static byte[] frame(int first, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(first);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        } else {
            out.write(127);
            for (int i = 7; i >= 0; i--) {
                out.write((int) ((long) payload.length >> (8 * i)));
            }
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private record ClientFrame(int opcode, byte[] payload) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** Reads one frame the client sent, insisting on the mask a client's frame must carry. */
    private ClientFrame readClientFrame() throws IOException {
        int b0 = fromClient.readUnsignedByte();
        int b1 = fromClient.readUnsignedByte();
        assertThat(b1 & 0x80).as("mask bit").isEqualTo(0x80);
        long length = b1 & 0x7F;
        if (length == 126) {
            length = fromClient.readUnsignedShort();
        } else if (length == 127) {
            length = fromClient.readLong();
        }
        byte[] mask = fromClient.readNBytes(4);
        byte[] payload = fromClient.readNBytes((int) length);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
        return new ClientFrame(b0 & 0x0F, payload);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
