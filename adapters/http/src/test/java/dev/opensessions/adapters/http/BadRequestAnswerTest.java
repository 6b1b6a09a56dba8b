package dev.opensessions.adapters.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class BadRequestAnswerTest {

    private static int port() {
        return RestAssured.port;
    }

    private static String get(String hostLine) throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            http.send("GET /version HTTP/1.1\r\n" + hostLine + "Connection: close\r\n\r\n");
            return http.answer();
        }
    }

    @Test
    void aMissingOrMalformedHostIsAnswered400InPlainTextAndLoggedAtMostOnceAMinute() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                records.add(logRecord);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(BadRequestAnswer.class.getName());
        logger.addHandler(capture);
        try {
            for (String host : List.of("", "Host: a b\r\n", "Host: [::1\r\n", "Host: localhost:abc\r\n")) {
                for (int i = 0; i < 5; i++) {
                    String answer = get(host);
                    assertThat(answer).startsWith("HTTP/1.1 400 ").contains("text/plain")
                            .endsWith("\r\n\r\nmissing or malformed Host header");
                }
            }
        } finally {
            logger.removeHandler(capture);
        }

        // One line at most for all 20 (none when another test logged one less than a minute ago).
        assertThat(records).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(r -> assertThat(r.getMessage()).contains("missing or malformed Host header"));
        assertThat(get("Host: 127.0.0.1:" + port() + "\r\n")).startsWith("HTTP/1.1 200 ");
    }
}
