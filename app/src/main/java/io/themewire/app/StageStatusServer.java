package io.themewire.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.themewire.api.ReadinessCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The operator's view of a stage process that serves no API (a classify worker): {@code GET
 * /metrics} (Prometheus text: {@code stage_records_total}, {@code kafka_consumer_lag}, {@code
 * dlq_messages_total}, JVM figures), {@code GET /health} (200 while the process runs) and {@code
 * GET /ready} (503 with the reason while the broker does not answer). The JDK's HTTP server, one
 * thread: these are scraped every few seconds, not served to users.
 */
final class StageStatusServer implements AutoCloseable {

  private final HttpServer server;

  private StageStatusServer(HttpServer server) {
    this.server = server;
  }

  /** Starts one when {@code port} is not null and says where on {@code out}; null otherwise. */
  static StageStatusServer startIfAsked(
      String host,
      Integer port,
      PrometheusMeterRegistry metrics,
      ReadinessCheck readiness,
      java.io.PrintWriter out) {
    if (port == null) {
      return null;
    }
    StageStatusServer s = start(host, port, metrics, readiness);
    out.printf(
        "metrics on http://%s:%d/metrics%n", host.equals("0.0.0.0") ? "localhost" : host, s.port());
    out.flush();
    return s;
  }

  /** Serves on {@code host:port} (0 picks a free port) until {@link #close()}. */
  static StageStatusServer start(
      String host, int port, PrometheusMeterRegistry metrics, ReadinessCheck readiness) {
    HttpServer s;
    try {
      s = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port, e);
    }
    s.setExecutor(Executors.newSingleThreadExecutor(r -> daemon(r, "tw-status")));
    s.createContext(
        "/metrics",
        ex -> reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
    s.createContext("/health", ex -> reply(ex, 200, "application/json", "{\"status\":\"up\"}"));
    s.createContext(
        "/ready",
        ex -> {
          Optional<String> why = readiness.notReadyReason();
          if (why.isEmpty()) {
            reply(ex, 200, "application/json", "{\"status\":\"ready\"}");
          } else {
            reply(
                ex,
                503,
                "application/json",
                "{\"status\":\"not-ready\",\"reason\":"
                    + io.themewire.core.json.Json.write(why.get())
                    + "}");
          }
        });
    s.start();
    return new StageStatusServer(s);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void reply(HttpExchange ex, int status, String type, String body)
      throws IOException {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod())) {
        ex.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
