package dev.treaty.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class AccessLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AccessLog.Line line(int n) {
        return new AccessLog.Line(Instant.parse("2026-12-01T10:00:00Z").plusMillis(n), "POST", "/v1/agreements/a/gate",
                "/v1/agreements/{id}/gate", 200, 0.25 + n, n % 2 == 0 ? "OpenAI" : null, n % 2 == 0 ? "apikey:k\"1" : null);
    }

    @Test
    void closingWritesEveryQueuedLineInOrderAsOneJsonObjectPerLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AccessLog log = new AccessLog(new PrintStream(out, false, StandardCharsets.UTF_8), registry);
        for (int n = 0; n < 5_000; n++) log.log(line(n));
        log.close();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5_000);
        for (int n : new int[] {0, 1, 4_999}) {
            JsonNode json = JSON.readTree(lines.get(n));
            assertThat(json.get("at").asText()).isEqualTo(line(n).at().toString());
            assertThat(json.get("route").asText()).isEqualTo("/v1/agreements/{id}/gate");
            assertThat(json.get("status").asInt()).isEqualTo(200);
            assertThat(json.get("ms").decimalValue()).isEqualByComparingTo(String.valueOf(0.25 + n));
            assertThat(json.has("party")).isEqualTo(n % 2 == 0);
        }
        assertThat(JSON.readTree(lines.get(0)).get("subject").asText()).isEqualTo("apikey:k\"1");
        assertThat(registry.get("treaty.http.access.log.dropped").counter().count()).isZero();
    }

    @Test
    void anOutputThatDoesNotKeepUpCostsDroppedLinesNotAWaitingRequest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    release.await();      // a pipe nobody reads
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AccessLog log = new AccessLog(new PrintStream(stuck, false, StandardCharsets.UTF_8), registry);
        long started = System.nanoTime();
        for (int n = 0; n < AccessLog.QUEUE_MAX * 2; n++) log.log(line(n));
        assertThat(System.nanoTime() - started).as("logging never waits for the output").isLessThan(5_000_000_000L);
        assertThat(registry.get("treaty.http.access.log.dropped").counter().count()).isGreaterThan(AccessLog.QUEUE_MAX / 2);
        release.countDown();
        log.close();
    }
}
