package dev.opensessions.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming reader of agent reports ({@link JsonFields}) answers every body as the tree reader ({@link JsonBody})
 * does, reason for reason: the same bodies refused as {@code invalid json} or {@code invalid payload}, and for every
 * field the same value or the same refusal.
 */
class JsonFieldsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] NAMES = {"agent", "status", "tmuxSession", "session", "ts", "unseen", "n"};

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"s1\",\"threadId\":\"t1\"}",
        "{}", "", "   ", "null", "[]", "[1,2", "\"text\"", "7", "true", "{} ", "{}{}", "{} x", "{\"agent\":\"a\"",
        "{\"agent\":\"a\",}", "{agent:\"a\"}", "{'agent':'a'}", "{\"agent\":\"a\" /* c */}", "{\"agent\":NaN}",
        "{\"agent\":\"a\",\"agent\":\"b\"}", "{\"agent\":\"a\",\"agent\":null}", "{\"agent\":{},\"agent\":\"b\"}",
        "{\"agent\":\"b\",\"agent\":[1]}", "{\"agent\":9}", "{\"agent\":true}", "{\"agent\":{\"x\":1}}",
        "{\"agent\":[\"a\"]}", "{\"agent\":null,\"session\":\"s\"}", "{\"tmuxSession\":null,\"session\":\"s\"}",
        "{\"tmuxSession\":\"\",\"session\":\"s\"}", "{\"tmuxSession\":7,\"session\":\"s\"}",
        "{\"agent\":\"a\\ud800\"}", "{\"agent\":\"a\\udc00b\"}", "{\"agent\":\"\\ud83d\\ude00\"}", "{\"agent\":\"a\\u0000\"}",
        "{\"agent\":\"a\\q\"}", "{\"other\":\"a\\q\"}", "{\"other\":\"a\u0001\"}", "{\"other\":\"\\ud800\"}",
        "{\"agent\":\"a\u0085\"}", "{\"other\":{\"deep\":[1,{\"x\":[]}]},\"agent\":\"a\"}", "{\"other\":[1,2}",
        "{\"ts\":1767225600000}", "{\"ts\":1767225600000.75}", "{\"ts\":-5}", "{\"ts\":-0}", "{\"ts\":-0.0}",
        "{\"ts\":1e999}", "{\"ts\":-1e999}", "{\"ts\":1e18}", "{\"ts\":9223372036854775807}",
        "{\"ts\":9223372036854775000}", "{\"ts\":9223372036854774000}", "{\"ts\":92233720368547758070}",
        "{\"ts\":-92233720368547758070}", "{\"ts\":\"now\"}", "{\"ts\":true}", "{\"ts\":{}}", "{\"ts\":01}",
        "{\"ts\":1.}", "{\"ts\":.5}", "{\"ts\":+1}", "{\"ts\":0x10}", "{\"ts\":2147483648}", "{\"ts\":12.5e2}",
        "{\"other\":123456789012345678901234567890}", "{\"unseen\":true}", "{\"unseen\":false}", "{\"unseen\":\"yes\"}",
        "{\"unseen\":1}", "{\"n\":1.5}", "{\"n\":\"1\"}", "{\"n\":1e400}", "{\"n\":12345678901234567890123}",
    })
    void answersEveryBodyAsTheTreeReaderDoes(String json) {
        assertSameAnswers(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNumberOfMoreDigitsThanJacksonAllowsIsRefusedByBoth() {
        String digits = "1".repeat(1500);
        assertSameAnswers(("{\"other\":" + digits + "}").getBytes(StandardCharsets.UTF_8));
        assertSameAnswers(("{\"ts\":" + digits + "}").getBytes(StandardCharsets.UTF_8));
        assertSameAnswers(("{\"other\":0." + digits + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(answers(bytes -> JsonFields.parse(MAPPER.getFactory(), bytes, NAMES).field("agent"),
                ("{\"other\":" + digits + "}").getBytes(StandardCharsets.UTF_8))).isEqualTo("refused: invalid json");
    }

    @Test
    void nestingDeeperThanJacksonAllowsIsRefusedByBoth() {
        String deep = "[".repeat(1500) + "]".repeat(1500);
        assertSameAnswers(("{\"other\":" + deep + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bytesThatAreNotStrictUtf8AreInvalidJsonForBoth() {
        byte[][] bodies = {
            {'{', '"', 'a', 'g', 'e', 'n', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
            {'{', '"', 'a', 'g', 'e', 'n', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            {'{', '"', 'a', 'g', 'e', 'n', 't', '"', ':', '"', (byte) 0xFF, '"', '}'},
            {'{', '"', 'a', 'g', 'e', 'n', 't', '"', ':', '"', (byte) 0xC3, (byte) 0xA9, '"', '}'},
        };
        for (byte[] body : bodies) {
            assertSameAnswers(body);
        }
        assertThat(answers(bytes -> JsonFields.parse(MAPPER.getFactory(), bytes, NAMES).field("agent"), bodies[3]))
                .isEqualTo("é");
    }

    @Test
    void onlyTheNamedFieldsCanBeAsked() {
        JsonFields fields = JsonFields.parse(MAPPER.getFactory(), "{\"x\":1}".getBytes(StandardCharsets.UTF_8), NAMES);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fields.field("x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSameAnswers(byte[] body) {
        for (String name : NAMES) {
            assertThat(answers(bytes -> JsonFields.parse(MAPPER.getFactory(), bytes, NAMES).string(name, "wrong"), body))
                    .as("string %s of %s", name, text(body))
                    .isEqualTo(answers(bytes -> JsonBody.parse(MAPPER, bytes).string(name, "wrong"), body));
            assertThat(answers(bytes -> JsonFields.parse(MAPPER.getFactory(), bytes, NAMES).bool(name), body))
                    .as("bool %s of %s", name, text(body))
                    .isEqualTo(answers(bytes -> JsonBody.parse(MAPPER, bytes).bool(name), body));
            assertThat(answers(bytes -> JsonFields.parse(MAPPER.getFactory(), bytes, NAMES).number(name), body))
                    .as("number %s of %s", name, text(body))
                    .isEqualTo(answers(bytes -> JsonBody.parse(MAPPER, bytes).number(name), body));
        }
        assertThat(answers(bytes -> JsonFields.parse(MAPPER.getFactory(), bytes, NAMES)
                .firstString("wrong", "tmuxSession", "session"), body)).as("alias of %s", text(body))
                .isEqualTo(answers(bytes -> JsonBody.parse(MAPPER, bytes).firstString("wrong", "tmuxSession", "session"), body));
        if (!new String(body, StandardCharsets.ISO_8859_1).startsWith("{\"ts\"")) {
            return;
        }
        // The report's time as AgentEventRequest reads it, against the reading of the tree it replaced.
        assertThat(answers(bytes -> AgentEventRequest.toCommand(MAPPER.getFactory(),
                withReportFields(bytes)).ts(), body)).as("ts of %s", text(body))
                .isEqualTo(answers(bytes -> treeTimestamp(JsonBody.parse(MAPPER, withReportFields(bytes)).field("ts")), body));
    }

    /** The body with a valid agent and status put first, so that only its ts decides. */
    private static byte[] withReportFields(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        return ("{\"agent\":\"a\",\"status\":\"running\"," + text.substring(1)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** How the route read {@code ts} from Jackson's tree before the streaming reader. */
    private static java.time.Instant treeTimestamp(JsonNode node) {
        if (node == null) {
            return null;
        }
        double value = node.doubleValue();
        if (!node.isNumber() || !Double.isFinite(value) || value < 0 || value >= Long.MAX_VALUE) {
            throw new InvalidRequest("invalid ts");
        }
        return java.time.Instant.ofEpochMilli(node.canConvertToLong() ? node.longValue() : (long) value);
    }

    private static String answers(Function<byte[], Object> read, byte[] body) {
        try {
            return String.valueOf(read.apply(body));
        } catch (InvalidRequest refused) {
            return "refused: " + refused.reason();
        }
    }

    private static String text(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
