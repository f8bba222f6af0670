package io.themewire.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 and a free port, for tests of fetching. Each route is a tiny
 * handler; {@link #hits(String)} tells how often a path was requested. Close it when done.
 *
 * <pre>{@code
 * try (FixtureServer server = FixtureServer.start()) {
 *   server.route("/feed.xml", FixtureServer.body(200, "application/rss+xml", xml));
 *   fetcher.fetch(server.url("/feed.xml"));
 * }
 * }</pre>
 */
public final class FixtureServer implements AutoCloseable {

  /** Handles one request; may throw to drop the connection. */
  @FunctionalInterface
  public interface Route {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, List<String>> hits = new ConcurrentHashMap<>();

  private FixtureServer(HttpServer server) {
    this.server = server;
  }

  /** Starts a server on 127.0.0.1 and a free port. */
  public static FixtureServer start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "fixture-server");
                t.setDaemon(true);
                return t;
              }));
      server.start();
      return new FixtureServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start fixture server", e);
    }
  }

  /** Serves {@code path} with {@code route}. */
  public FixtureServer route(String path, Route route) {
    server.createContext(
        path,
        exchange -> {
          hits.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>())
              .add(exchange.getRequestURI().toString());
          try {
            route.handle(exchange);
          } finally {
            exchange.close();
          }
        });
    return this;
  }

  /** The full URL of a path on this server. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** How many requests reached a route's path. */
  public int hits(String path) {
    return hits.getOrDefault(path, List.of()).size();
  }

  /** A route answering with a fixed status, content type and body. */
  public static Route body(int status, String contentType, String body) {
    return body(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A route answering with fixed bytes. */
  public static Route body(int status, String contentType, byte[] body) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    };
  }

  /** A route answering with a redirect to {@code location}. */
  public static Route redirect(int status, String location) {
    return exchange -> {
      exchange.getResponseHeaders().set("Location", location);
      exchange.sendResponseHeaders(status, -1);
    };
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
