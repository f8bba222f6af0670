package io.themewire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Ingest-to-searchable probes against a serving child: single posts, each carrying a unique word,
 * submitted one at a time and timed until a search of the API finds that word.
 */
final class Probes {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Probes() {}

  /** How a probe post reaches the pipeline (the API, a topic). */
  interface Submit {
    void post(Map<String, Object> post) throws Exception;
  }

  /**
   * Submits {@code count} posts (after 10 to warm up) and times each until searchable; returns the
   * milliseconds, sorted.
   *
   * @param base the markers' and posts' numbering, so that runs on one index do not collide
   */
  static double[] probe(int port, int count, int base, Submit submit) throws Exception {
    PipelineBenchmark.Generator gen = new PipelineBenchmark.Generator(new Random(99));
    List<Double> millis = new ArrayList<>();
    for (int i = -10; i < count; i++) {
      String marker = "zq" + Integer.toString(2 * base + i + 10, 36);
      Map<String, Object> post = gen.post(base + i + 10);
      post.put("id", "probe-" + marker);
      post.put("text", post.get("text") + " " + marker);
      long t0 = System.nanoTime();
      submit.post(post);
      String q = URLEncoder.encode(marker, StandardCharsets.UTF_8);
      while (search(port, q) == 0) {
        if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(60)) {
          throw new IllegalStateException(marker + " not searchable after 60 s");
        }
        Thread.sleep(5);
      }
      if (i >= 0) {
        millis.add((System.nanoTime() - t0) / 1e6);
      }
    }
    return millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  /** {@code POST /api/items} of a serving {@code run}; fails unless it answers 202. */
  static void postItem(int port, String key, Map<String, Object> post) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/items"))
                .header("X-Api-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(post)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new IllegalStateException(
          "POST /api/items answered " + r.statusCode() + ": " + r.body());
    }
  }

  /** The total hits of a search ({@code q} URL-encoded; empty for every document); -1 if none. */
  static long search(int port, String q) throws Exception {
    JsonNode found =
        JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/search?size=1&q=" + q))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    return found.path("total").asLong(-1);
  }
}
