package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The status server of a classify worker, on a free port, called over real HTTP. */
class StageStatusServerTest {

  @Test
  void servesMetrics_health_andReadyWithTheReasonWhileNotReady() throws Exception {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter.builder("stage_records_total")
        .tag("stage", "classify")
        .tag("outcome", "emitted")
        .register(meters)
        .increment(7);
    AtomicReference<String> why = new AtomicReference<>("kafka: down (no answer from b:9092)");
    try (StageStatusServer s =
        StageStatusServer.start("127.0.0.1", 0, meters, () -> Optional.ofNullable(why.get()))) {
      int port = s.port();
      assertThat(port).isPositive();
      HttpResponse<String> metrics = KafkaIt.get(port, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      assertThat(metrics.body())
          .contains("stage_records_total{outcome=\"emitted\",stage=\"classify\"} 7.0");
      assertThat(KafkaIt.get(port, "/health").statusCode()).isEqualTo(200);

      HttpResponse<String> notReady = KafkaIt.get(port, "/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).contains("\"reason\":\"kafka: down (no answer from b:9092)\"");
      why.set(null);
      assertThat(KafkaIt.get(port, "/ready").statusCode()).isEqualTo(200);

      HttpResponse<String> post =
          KafkaIt.HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                  .POST(HttpRequest.BodyPublishers.ofString("x"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
    }
  }

  @Test
  void classifyWithMetricsPortButNoKafka_exits2() {
    CliTest.Run r = CliTest.run("classify", "--metrics-port", "0", "-");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--metrics-port needs --kafka");
  }

  @Test
  void ingestWithMetricsPortButNoKafkaConfig_exits2() {
    CliTest.Run r =
        CliTest.run("ingest", "--metrics-port", "0", "--once", "../samples/feeds/does-not-matter");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--metrics-port needs --kafka --config");
  }
}
