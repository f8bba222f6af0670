package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable (issue 12 point 9): {@code themewire run} in a child JVM takes a post
 * through {@code POST /api/items}, finds it in search right after the 202, is killed with {@code
 * destroyForcibly} (no shutdown hook, no commit), and the restarted process serves the post.
 */
class ItemIntakeKillIT {

  static final Pattern SERVING = Pattern.compile("serving on http://[^:]+:(\\d+)/");
  static final String KEY = "intake-k3y";

  @TempDir Path dir;
  final List<Process> children = new ArrayList<>();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stop() throws Exception {
    for (Process p : children) {
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** Starts {@code themewire run} on the folder and returns the port it serves on. */
  int startRun(Path config, Path data) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                "--config",
                config.toString(),
                "--data",
                data.toString(),
                "--port",
                "0")
            .redirectErrorStream(true);
    pb.environment().put("THEMEWIRE_API_KEY", KEY);
    Process p = pb.start();
    children.add(p);
    CompletableFuture<Integer> port = new CompletableFuture<>();
    StringBuilder output = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  Matcher m = SERVING.matcher(line);
                  if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                  }
                }
              } catch (Exception e) {
                port.completeExceptionally(e);
              }
              port.completeExceptionally(new IllegalStateException("run exited:\n" + output));
            },
            "child-output");
    reader.setDaemon(true);
    reader.start();
    return port.get(120, TimeUnit.SECONDS);
  }

  HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(int port, String body, String key) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/items"))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("X-Api-Key", key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAcknowledgedPost_isSearchableAtOnce_andSurvivesAKill() throws Exception {
    Path feed = dir.resolve("feed.xml");
    Files.writeString(feed, "<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>");
    Path config = dir.resolve("run.yaml");
    Files.writeString(config, "sources:\n  - path: feed.xml\n    interval: 1h\n");
    Path data = dir.resolve("data");

    int port = startRun(config, data);
    String body =
        "{\"author\": \"ana\", \"created_at\": \"2026-11-12T10:00:00Z\", \"network\": \"pushed\","
            + " \"text\": \"After four years managing the platform team I went back to being an"
            + " engineer, and the zeppelinfold project is where I write code again.\"}";

    HttpResponse<String> refused = post(port, body, null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(post(port, body, KEY + "x").statusCode()).isEqualTo(401);
    assertThat(post(port, "{\"nope\": 1}", KEY).statusCode()).isEqualTo(400);

    HttpResponse<String> accepted = post(port, body, KEY);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String id = Json.mapper().readTree(accepted.body()).path("id").asText();
    assertThat(id).isNotBlank();
    long acknowledged = System.nanoTime();
    JsonNode found = Json.mapper().readTree(get(port, "/api/search?q=zeppelinfold").body());
    while (found.path("total").asLong() == 0
        && System.nanoTime() - acknowledged < TimeUnit.SECONDS.toNanos(1)) {
      Thread.sleep(50);
      found = Json.mapper().readTree(get(port, "/api/search?q=zeppelinfold").body());
    }
    assertThat(found.path("total").asLong()).as("searchable within a second").isEqualTo(1);
    assertThat(found.path("hits").get(0).path("id").asText()).isEqualTo(id);

    Process first = children.get(0);
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(data.resolve(WalItemIntake.FILE))).contains("zeppelinfold");

    int again = startRun(config, data);
    HttpResponse<String> item = get(again, "/api/items/" + id);
    assertThat(item.statusCode()).as(item.body()).isEqualTo(200);
    assertThat(item.body()).contains("zeppelinfold");
  }
}
