package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.core.message.DeadLetter;
import io.themewire.core.stage.JsonlDeadLetterLog;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.index.lucene.LuceneArticleReader;
import io.themewire.ingest.schedule.PollSchedule;
import io.themewire.ingest.schedule.SourceHealth;
import io.themewire.testkit.FixtureServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code themewire run} at random (seeded) points while it ingests a few thousand items
 * from post files and feeds and takes posts through {@code POST /api/items}, among a slow and a
 * dead source; restarted each time, and the whole history checked at the end (issue 10, faults).
 *
 * <p><b>Acknowledged</b>, in the embedded mode, means: a post that {@code POST /api/items} answered
 * 202 (it is in the fsynced write-ahead log), or an item of a source whose poll the process
 * recorded as done in {@code DATA/sources.json} (saved only after the index commit that holds the
 * poll's items). After every kill, each source recorded as done has all its items in the index on
 * disk; at the end every acknowledged item is in the index exactly once, or in the dead-letter log
 * with a reason. Run with {@code ./mvnw -B verify -Pfaults -pl app -am}; {@code -Dfaults.seed=N}
 * picks other kill points, {@code -Dfaults.kills=N} how many.
 */
class EmbeddedFaultIT {

  static final long SEED = Long.getLong("faults.seed", 10L);
  static final int KILLS = Integer.getInteger("faults.kills", 5);
  static final int FILES = 6;
  static final int POSTS_PER_FILE = 500;
  static final int FEED_ITEMS = 100;
  static final int SLOW_ITEMS = 30;
  static final Duration SLOW_DELAY = Duration.ofSeconds(3);
  static final String KEY = "fault-k3y";
  static final Pattern SERVING = Pattern.compile("serving on http://[^:]+:(\\d+)/");
  static final Pattern TOKEN = Pattern.compile("\\bfz[a-z]\\d{5}\\b");

  @TempDir Path dir;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Figures of the run, printed at the end for docs/RELIABILITY.md. */
  record Figures(
      int items,
      int kills,
      int killsMidIngest,
      int posted,
      int lost,
      int duplicated,
      int deadLettered) {}

  // RELIABILITY row 47: kill -9 at random points of themewire run (several kills, restarts) over
  // a few thousand items: no acknowledged item lost, none duplicated.
  @Test
  void killedAtRandomPoints_everyAcknowledgedItemIsSearchableExactlyOnce_orDeadLettered()
      throws Exception {
    Random random = new Random(SEED);
    Path taxonomy = RunCommandIT.smallTaxonomy(dir.resolve("taxonomy"));
    Path data = dir.resolve("data");
    Path log = dir.resolve("run.log");
    Words words = new Words(new Random(SEED + 1));

    // Sources: post files (one more joins the config at each restart), two healthy feeds, a slow
    // feed and a dead one (nothing listens on its port).
    Map<String, Set<String>> tokensBySource = new LinkedHashMap<>();
    List<String> files = new ArrayList<>();
    for (int f = 0; f < FILES; f++) {
      Path file = dir.resolve("posts-" + f + ".jsonl");
      StringBuilder lines = new StringBuilder();
      Set<String> tokens = new TreeSet<>();
      for (int i = 0; i < POSTS_PER_FILE; i++) {
        String token = String.format("fzf%05d", f * POSTS_PER_FILE + i);
        tokens.add(token);
        lines
            .append(
                Json.mapper()
                    .writeValueAsString(
                        Map.of(
                            "id",
                            token,
                            "network",
                            "faults",
                            "author",
                            "writer" + (i % 17),
                            "created_at",
                            "2026-11-" + (10 + i % 18) + "T10:00:00Z",
                            "text",
                            words.text(token))))
            .append('\n');
      }
      Files.writeString(file, lines);
      files.add(file.toString());
      tokensBySource.put(file.toString(), tokens);
    }
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String dead = "http://127.0.0.1:" + closedPort + "/gone.xml";
    AtomicInteger slowHits = new AtomicInteger();
    try (FixtureServer server = FixtureServer.start()) {
      List<String> feeds = new ArrayList<>();
      for (int k = 0; k < 2; k++) {
        Set<String> tokens = new TreeSet<>();
        String body = feed("feed" + k, k == 0 ? 'a' : 'b', FEED_ITEMS, words, tokens);
        server.route("/feed" + k + ".xml", FixtureServer.body(200, "application/rss+xml", body));
        feeds.add(server.url("/feed" + k + ".xml"));
        tokensBySource.put(server.url("/feed" + k + ".xml"), tokens);
      }
      Set<String> slowTokens = new TreeSet<>();
      byte[] slowBody =
          feed("slow", 's', SLOW_ITEMS, words, slowTokens)
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      server.route(
          "/slow.xml",
          exchange -> {
            slowHits.incrementAndGet();
            try {
              Thread.sleep(SLOW_DELAY.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            FixtureServer.body(200, "application/rss+xml", slowBody).handle(exchange);
          });
      String slow = server.url("/slow.xml");
      tokensBySource.put(slow, slowTokens);

      Map<String, String> posted = new ConcurrentHashMap<>(); // token -> id, 202 only
      AtomicInteger postSeq = new AtomicInteger();
      int kills = 0;
      int killsMidIngest = 0;
      for (int run = 0; run <= KILLS; run++) {
        List<String> sources = new ArrayList<>();
        sources.add(slow);
        sources.addAll(files.subList(0, Math.min(FILES, 1 + run)));
        sources.add(dead);
        sources.addAll(feeds);
        Path config = dir.resolve("run.yaml");
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (String s : sources) {
          yaml.append(s.startsWith("http") ? "  - url: " : "  - path: ").append(s).append('\n');
          yaml.append("    interval: 1h\n");
        }
        Files.writeString(config, yaml);
        boolean last = run == KILLS;
        try (AppProcess app =
            AppProcess.start(
                "run-" + run,
                log,
                "-Xmx1g",
                env(),
                "run",
                "--config",
                config.toString(),
                "--data",
                data.toString(),
                "--taxonomy",
                taxonomy.toString(),
                "--port",
                "0")) {
          Matcher m =
              SERVING.matcher(app.awaitLine(l -> SERVING.matcher(l).find(), Duration.ofMinutes(2)));
          assertThat(m.find()).isTrue();
          int port = Integer.parseInt(m.group(1));
          AtomicBoolean stop = new AtomicBoolean();
          Thread poster = poster(port, words, postSeq, posted, stop);
          if (!last) {
            // a random point: mid-poll, mid-classify, mid-commit, or after the tick is saved
            Thread.sleep(200 + random.nextInt(4_000));
            app.kill();
            kills++;
            stop.set(true);
            poster.join(10_000);
            assertDoneSourcesAreOnDisk(data, tokensBySource, "after kill " + kills);
            if (!allDone(data, sources, dead)) {
              killsMidIngest++;
            }
            continue;
          }
          // the last run: every source but the dead one done, and the dead one failed,
          // dead-lettered
          awaitSourcesDone(port, sources, dead, Duration.ofMinutes(2));
          stop.set(true);
          poster.join(10_000);
          // searchable through the API: a sample of everything acknowledged
          List<String> all = new ArrayList<>(posted.keySet());
          tokensBySource.values().forEach(all::addAll);
          java.util.Collections.shuffle(all, random);
          for (String token : all.subList(0, Math.min(200, all.size()))) {
            JsonNode r = get(port, "/api/search?q=" + token);
            assertThat(r.path("total").asLong()).as("search for %s", token).isEqualTo(1);
          }
          assertThat(app.terminate(Duration.ofMinutes(2))).isIn(0, 130, 143);
        }
      }

      // The whole history: every acknowledged item in the index once, or dead-lettered.
      Map<String, Integer> stored = tokensOnDisk(data);
      List<DeadLetter> letters = JsonlDeadLetterLog.read(data.resolve("dead-letters.jsonl"));
      Set<String> deadLettered = new TreeSet<>();
      for (DeadLetter l : letters) {
        assertThat(l.reason()).as("every dead letter says why").isNotBlank();
        Matcher t = TOKEN.matcher(l.payload());
        while (t.find()) {
          deadLettered.add(t.group());
        }
      }
      Set<String> acknowledged = new TreeSet<>(posted.keySet());
      tokensBySource.values().forEach(acknowledged::addAll);
      List<String> lost = new ArrayList<>();
      List<String> duplicated = new ArrayList<>();
      for (String token : acknowledged) {
        int n = stored.getOrDefault(token, 0);
        if (n == 0 && !deadLettered.contains(token)) {
          lost.add(token);
        }
        if (n > 1) {
          duplicated.add(token);
        }
      }
      assertThat(lost).as("acknowledged items lost").isEmpty();
      assertThat(duplicated).as("items stored twice").isEmpty();
      assertThat(stored.keySet())
          .as("nothing stored that was never offered")
          .isSubsetOf(offered(tokensBySource, postSeq));
      // the dead source: failing, with a reason, in the health file and the dead-letter log
      SourceHealth gone = health(data).get(dead);
      assertThat(gone.lastSuccess()).isNull();
      assertThat(gone.consecutiveFailures()).isPositive();
      assertThat(gone.lastError().reason()).isNotBlank();
      assertThat(letters).anySatisfy(l -> assertThat(l.payload()).contains(dead));
      assertThat(slowHits.get()).isPositive();
      Figures figures =
          new Figures(
              acknowledged.size(),
              kills,
              killsMidIngest,
              posted.size(),
              lost.size(),
              duplicated.size(),
              (int) acknowledged.stream().filter(deadLettered::contains).count());
      System.out.println("faults: " + figures + " seed " + SEED);
      assertThat(figures.items()).isGreaterThan(3_000);
      assertThat(figures.killsMidIngest())
          .as("kills that landed while sources were being read")
          .isPositive();
      Files.writeString(
          dir.getParent().resolve("EmbeddedFaultIT.figures"), figures + " seed " + SEED);
    }
  }

  static Map<String, String> env() {
    return Map.of("THEMEWIRE_API_KEY", KEY);
  }

  /** Every token that was written to a source or sent in a post (acknowledged or not). */
  static Set<String> offered(Map<String, Set<String>> bySource, AtomicInteger postSeq) {
    Set<String> out = new TreeSet<>();
    bySource.values().forEach(out::addAll);
    for (int i = 0; i < postSeq.get(); i++) {
      out.add(String.format("fzp%05d", i));
    }
    return out;
  }

  /** Posts through the API until {@code stop}, recording what was acknowledged (202). */
  Thread poster(
      int port, Words words, AtomicInteger seq, Map<String, String> posted, AtomicBoolean stop) {
    Thread t =
        new Thread(
            () -> {
              while (!stop.get()) {
                int n = seq.getAndIncrement();
                String token = String.format("fzp%05d", n);
                try {
                  String body =
                      Json.mapper()
                          .writeValueAsString(
                              Map.of(
                                  "id", token,
                                  "network", "pushed",
                                  "author", "poster",
                                  "created_at", "2026-11-20T10:00:00Z",
                                  "text", words.text(token)));
                  HttpResponse<String> r =
                      http.send(
                          HttpRequest.newBuilder(
                                  URI.create("http://127.0.0.1:" + port + "/api/items"))
                              .timeout(Duration.ofSeconds(30))
                              .header("Content-Type", "application/json")
                              .header("X-Api-Key", KEY)
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (r.statusCode() == 202) {
                    posted.put(token, Json.mapper().readTree(r.body()).path("id").asText());
                  }
                  Thread.sleep(20);
                } catch (IOException e) {
                  return; // the process is gone (killed): this post was not acknowledged
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "poster");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** After a kill: each source whose poll was saved as done has every item in the index on disk. */
  static void assertDoneSourcesAreOnDisk(
      Path data, Map<String, Set<String>> tokensBySource, String when) throws IOException {
    if (!Files.exists(data.resolve(RunCommand.STATE_FILE))) {
      return;
    }
    Map<String, SourceHealth> health = health(data);
    Map<String, Integer> stored = tokensOnDisk(data);
    for (Map.Entry<String, Set<String>> e : tokensBySource.entrySet()) {
      SourceHealth h = health.get(e.getKey());
      if (h != null && h.lastSuccess() != null) {
        for (String token : e.getValue()) {
          assertThat(stored.getOrDefault(token, 0))
              .as("%s: %s of %s, recorded as done", when, token, e.getKey())
              .isEqualTo(1);
        }
      }
    }
  }

  /** Whether every source but the dead one is recorded as done in the health file. */
  static boolean allDone(Path data, List<String> sources, String dead) throws IOException {
    if (!Files.exists(data.resolve(RunCommand.STATE_FILE))) {
      return false;
    }
    Map<String, SourceHealth> health = health(data);
    return sources.stream()
        .filter(s -> !s.equals(dead))
        .allMatch(s -> health.containsKey(s) && health.get(s).lastSuccess() != null);
  }

  static Map<String, SourceHealth> health(Path data) throws IOException {
    Map<String, SourceHealth> out = new HashMap<>();
    for (SourceHealth h : PollSchedule.readHealth(data.resolve(RunCommand.STATE_FILE))) {
      out.put(h.location(), h);
    }
    return out;
  }

  /** How many stored documents carry each token, read from the last commit on disk. */
  static Map<String, Integer> tokensOnDisk(Path data) throws IOException {
    Map<String, Integer> out = new TreeMap<>();
    Path index = data.resolve("index");
    if (!Files.isDirectory(index)) {
      return out;
    }
    try (LuceneArticleReader reader = LuceneArticleIndex.openReadOnly(index)) {
      reader.scan(
          item -> {
            Matcher t = TOKEN.matcher(item.item().text());
            while (t.find()) {
              out.merge(t.group(), 1, Integer::sum);
            }
          });
    } catch (java.nio.file.NoSuchFileException | org.apache.lucene.index.IndexNotFoundException e) {
      return out;
    }
    return out;
  }

  /** Waits until every source but {@code dead} has a success and {@code dead} has failed. */
  void awaitSourcesDone(int port, List<String> sources, String dead, Duration timeout)
      throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < end) {
      last = get(port, "/api/sources").path("sources");
      boolean done = true;
      for (JsonNode s : last) {
        String location = s.path("location").asText();
        if (location.equals(dead)) {
          done &= s.path("consecutiveFailures").asInt() > 0;
        } else {
          done &= !s.path("lastSuccess").isNull() && !s.path("lastSuccess").isMissingNode();
        }
      }
      if (done && last.size() == sources.size()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("sources not done within " + timeout + ": " + last);
  }

  JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  /** An RSS feed of {@code n} items, each with its own token. */
  static String feed(String name, char tag, int n, Words words, Set<String> tokens) {
    StringBuilder xml =
        new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
            .append("<title>")
            .append(name)
            .append("</title><link>https://")
            .append(name)
            .append(".example/</link>");
    Instant at = Instant.parse("2026-11-25T08:00:00Z");
    for (int i = 0; i < n; i++) {
      String token = String.format("fz%c%05d", tag, i);
      tokens.add(token);
      xml.append("<item><title>")
          .append(words.title())
          .append("</title><link>https://")
          .append(name)
          .append(".example/p/")
          .append(token)
          .append("</link><guid>")
          .append(token)
          .append("</guid><pubDate>")
          .append(
              java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  at.minusSeconds(3_600L * i).atOffset(java.time.ZoneOffset.UTC)))
          .append("</pubDate><description>")
          .append(words.text(token))
          .append("</description></item>");
    }
    return xml.append("</channel></rss>\n").toString();
  }

  /**
   * Texts of made-up words from a large vocabulary, so that no two items are near-copies (which the
   * index would rightly merge into one).
   */
  static final class Words {
    final List<String> vocabulary = new ArrayList<>();
    final Random random;

    Words(Random random) {
      this.random = random;
      String[] syllables = {
        "ka", "lo", "mi", "ner", "tus", "va", "dri", "pel", "or", "shu", "fen", "ga", "qui", "ru",
        "bel", "ston", "ix", "ma", "zo", "ter"
      };
      Set<String> seen = new TreeSet<>();
      while (seen.size() < 4_000) {
        StringBuilder w = new StringBuilder();
        for (int s = 0; s < 2 + random.nextInt(2); s++) {
          w.append(syllables[random.nextInt(syllables.length)]);
        }
        seen.add(w.toString());
      }
      vocabulary.addAll(seen);
      java.util.Collections.shuffle(vocabulary, random);
    }

    synchronized String title() {
      return sentence(6);
    }

    synchronized String text(String token) {
      return "The engineering manager wrote about "
          + token
          + ". "
          + sentence(40)
          + " "
          + sentence(30);
    }

    private String sentence(int n) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < n; i++) {
        out.append(i == 0 ? "" : " ").append(vocabulary.get(random.nextInt(vocabulary.size())));
      }
      return out.append('.').toString();
    }
  }
}
