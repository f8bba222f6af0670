package io.themewire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.themewire.core.progress.Progress;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/run load}: the API under many clients at once (issue 10, item 6). Starts {@code
 * themewire demo --port 0} over the bundled samples as a child process (its own JVM, as in
 * production), then runs {@code clients} closed-loop clients on loopback for {@code seconds}, each
 * sending its next request as soon as the last is answered, mixing searches (facets, phrases,
 * wildcards, theme filters), trends, item and discussion lookups, and the page with its assets. A
 * separate prober asks {@code /health} every 50 ms throughout. The baseline is the same prober
 * before the load starts (the server idle), so the ratio says what the load costs the health check.
 *
 * <p>An error is any answer other than 200 or 304, or no answer within 10 s; each is counted with
 * its status and problem type. Latencies are from sending the request to having the whole body.
 */
final class LoadBenchmark {

  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final Duration WARM_UP = Duration.ofSeconds(10);
  static final Duration IDLE_PROBE = Duration.ofSeconds(5);
  static final long PROBE_EVERY_MS = 50;

  /** HTTP clients the load shares (each has its own selector thread and connection pool). */
  static final int HTTP_CLIENTS = 8;

  static final List<String> QUERIES =
      List.of(
          "manager",
          "\"staff engineer\"",
          "manag*",
          "title:staff",
          "promotion AND NOT ladder",
          "(director OR vp)",
          "\"back to\"",
          "ladder",
          "burnout",
          "one-on-ones");

  static final List<String> THEMES =
      List.of("ic-to-manager", "manager-to-ic", "ic-leadership", "career-framework", "other");

  static final List<String> PAGE = List.of("/", "/assets/app.js", "/assets/style.css");

  /** The routes of the mix, with their share of requests (in percent). */
  enum Route {
    SEARCH(40),
    TRENDS(15),
    ITEM(25),
    PAGE(20);

    final int share;

    Route(int share) {
      this.share = share;
    }

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private LoadBenchmark() {}

  static void run(Path home, int clients, int seconds, PrintWriter out, Progress progress)
      throws Exception {
    String classpath = PipelineBenchmark.appClasspath(home);
    // Kept between runs: the demo skips what is already indexed, so a rerun serves in seconds.
    Path data = home.resolve("bench/target/load-data");
    Process server = ServingPort.demo(classpath, data, home.resolve("samples"));
    try {
      String base = "http://127.0.0.1:" + ServingPort.of(server, "demo", Duration.ofSeconds(300));
      String loadBefore = loadAverage();
      List<String> ids = itemIds(base);
      Recorder idle = probe(base, IDLE_PROBE);
      // Warm-up: the same load, not recorded, so the figures are of a warm JIT and warm caches.
      drive(base, clients, WARM_UP, ids, Progress.NONE);
      Prober prober = new Prober(base);
      prober.start();
      long started = System.nanoTime();
      Recorder[] byRoute = drive(base, clients, Duration.ofSeconds(seconds), ids, progress);
      double elapsed = (System.nanoTime() - started) / 1e9;
      Recorder health = prober.stop();
      report(out, clients, seconds, ids.size(), elapsed, byRoute, health, idle, loadBefore);
    } finally {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /**
   * The machine's 1-minute load average (Linux), said with the figures: other work on a shared
   * machine takes cores from both the server and the clients.
   */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "unknown";
    }
  }

  /** Ids of indexed items to look up, read once from the server's own search. */
  static List<String> itemIds(String base) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    for (String q : List.of("manager", "engineer", "team")) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/search?size=100&q=" + q)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("search for item ids answered " + r.statusCode());
      }
      for (JsonNode hit : json.readTree(r.body()).path("hits")) {
        String id = hit.path("id").asText();
        if (!id.isEmpty() && !ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException("the demo index has no items to look up");
    }
    return ids;
  }

  /** {@code clients} closed-loop clients for {@code length}; one recorder per route. */
  static Recorder[] drive(
      String base, int clients, Duration length, List<String> ids, Progress progress)
      throws InterruptedException {
    HttpClient[] http = new HttpClient[HTTP_CLIENTS];
    for (int i = 0; i < http.length; i++) {
      http[i] = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }
    long end = System.nanoTime() + length.toNanos();
    Recorder[][] perClient = new Recorder[clients][];
    CountDownLatch done = new CountDownLatch(clients);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int id = c;
      Recorder[] mine = recorders();
      perClient[c] = mine;
      Thread t =
          new Thread(
              () -> {
                try {
                  SplittableRandom random = new SplittableRandom(42L * 1_000_003 + id);
                  while (System.nanoTime() < end) {
                    Route route = pick(random);
                    String path = path(route, random, ids);
                    mine[route.ordinal()].time(http[id % http.length], base + path);
                  }
                } finally {
                  done.countDown();
                }
              },
              "load-" + c);
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
    long total = length.toSeconds();
    while (!done.await(1, TimeUnit.SECONDS)) {
      long left = Math.max(0, (end - System.nanoTime()) / 1_000_000_000L);
      progress.update((int) (total - left), (int) total);
    }
    Recorder[] merged = recorders();
    for (Recorder[] rs : perClient) {
      for (int r = 0; r < rs.length; r++) {
        merged[r].add(rs[r]);
      }
    }
    return merged;
  }

  static Recorder[] recorders() {
    Recorder[] rs = new Recorder[Route.values().length];
    for (Route r : Route.values()) {
      rs[r.ordinal()] = new Recorder();
    }
    return rs;
  }

  static Route pick(SplittableRandom random) {
    int x = random.nextInt(100);
    for (Route r : Route.values()) {
      if (x < r.share) {
        return r;
      }
      x -= r.share;
    }
    return Route.SEARCH;
  }

  /** One request of {@code route}, drawn from the mix. */
  static String path(Route route, SplittableRandom random, List<String> ids) {
    return switch (route) {
      case SEARCH -> {
        StringBuilder p =
            new StringBuilder("/api/search?q=")
                .append(encode(QUERIES.get(random.nextInt(QUERIES.size()))));
        if (random.nextInt(3) == 0) {
          p.append("&theme=").append(THEMES.get(random.nextInt(THEMES.size())));
        }
        if (random.nextBoolean()) {
          p.append("&facets=theme,source,kind"); // as the page asks
        }
        if (random.nextInt(4) == 0) {
          p.append("&sort=newest");
        }
        yield p.append("&size=20").toString();
      }
      case TRENDS -> {
        int kind = random.nextInt(3);
        yield kind == 0
            ? "/api/trends?interval=day"
            : kind == 1
                ? "/api/trends?interval=day&theme=" + THEMES.get(random.nextInt(THEMES.size()))
                : "/api/trends?interval=week&q=" + encode(QUERIES.get(random.nextInt(3)));
      }
      case ITEM -> {
        String id = ids.get(random.nextInt(ids.size()));
        yield random.nextInt(4) == 0 ? "/api/items/" + id + "/discussions" : "/api/items/" + id;
      }
      case PAGE -> PAGE.get(random.nextInt(PAGE.size()));
    };
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** {@code /health} every {@value #PROBE_EVERY_MS} ms for {@code length}, on its own client. */
  static Recorder probe(String base, Duration length) throws InterruptedException {
    Prober p = new Prober(base);
    p.start();
    Thread.sleep(length.toMillis());
    return p.stop();
  }

  /** Asks {@code /health} at a steady pace on its own thread and connection until stopped. */
  static final class Prober {
    private final String url;
    private final Recorder recorder = new Recorder();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile boolean running = true;
    private final Thread thread;

    Prober(String base) {
      this.url = base + "/health";
      this.thread =
          new Thread(
              () -> {
                while (running) {
                  long next = System.nanoTime() + PROBE_EVERY_MS * 1_000_000;
                  recorder.time(http, url);
                  long wait = next - System.nanoTime();
                  if (wait > 0) {
                    try {
                      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                }
              },
              "load-health-probe");
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    Recorder stop() throws InterruptedException {
      running = false;
      thread.join(TIMEOUT.toMillis() * 2);
      return recorder;
    }
  }

  /** Latencies (ns) and errors of one client and route; not shared between threads until merged. */
  static final class Recorder {
    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern BUSY_WHY = Pattern.compile("busy \\(([a-z ]+)");

    long[] nanos = new long[1024];
    int size;
    final Map<String, Integer> errors = new TreeMap<>();

    void time(HttpClient http, String url) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
      long t0 = System.nanoTime();
      String error;
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = r.statusCode();
        error = status == 200 || status == 304 ? null : status + " " + problemType(r.body());
      } catch (HttpTimeoutException e) {
        error = "timeout";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        error = e.getClass().getSimpleName();
      }
      long took = System.nanoTime() - t0;
      if (size == nanos.length) {
        nanos = Arrays.copyOf(nanos, size * 2);
      }
      nanos[size++] = took;
      if (error != null) {
        errors.merge(error, 1, Integer::sum);
      }
    }

    /** The problem type of an error body, with the reason the search pool gives when busy. */
    static String problemType(String body) {
      Matcher m = PROBLEM_TYPE.matcher(body == null ? "" : body);
      if (!m.find()) {
        return "";
      }
      String type = m.group(1);
      type = type.substring(type.lastIndexOf('/') + 1);
      Matcher why = BUSY_WHY.matcher(body);
      return why.find() ? type + " (" + why.group(1) + ")" : type;
    }

    void add(Recorder other) {
      if (size + other.size > nanos.length) {
        nanos = Arrays.copyOf(nanos, Math.max(nanos.length * 2, size + other.size));
      }
      System.arraycopy(other.nanos, 0, nanos, size, other.size);
      size += other.size;
      other.errors.forEach((k, v) -> errors.merge(k, v, Integer::sum));
    }

    int errorCount() {
      return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The {@code p}th percentile in milliseconds (nearest rank). */
    double millis(double p) {
      if (size == 0) {
        return Double.NaN;
      }
      long[] sorted = Arrays.copyOf(nanos, size);
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(p / 100.0 * size);
      return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
  }

  static void report(
      PrintWriter out,
      int clients,
      int seconds,
      int items,
      double elapsed,
      Recorder[] byRoute,
      Recorder health,
      Recorder idle,
      String loadBefore) {
    out.printf(Locale.ROOT, "## load: %d clients for %d s on loopback%n%n", clients, seconds);
    out.printf(
        Locale.ROOT,
        "Machine: %d processors, Java %s; demo server -Xmx2g over samples/ (%d items looked up);"
            + " %d closed-loop clients (no think time) on %d java.net.http clients, after a %d s"
            + " warm-up; /health asked every %d ms on its own connection; %.1f s measured; load"
            + " average %s before the load (clients and server share the machine).%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        items,
        clients,
        HTTP_CLIENTS,
        WARM_UP.toSeconds(),
        PROBE_EVERY_MS,
        elapsed,
        loadBefore);
    out.println("| route | share | requests | req/s | p50 (ms) | p99 (ms) | max (ms) | errors |");
    out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    Recorder all = new Recorder();
    for (Route r : Route.values()) {
      Recorder rec = byRoute[r.ordinal()];
      row(out, r.id(), r.share + "%", rec, elapsed);
      all.add(rec);
    }
    row(out, "**all**", "100%", all, elapsed);
    row(out, "/health during the load", "probe", health, elapsed);
    row(out, "baseline: /health, server idle", "probe", idle, IDLE_PROBE.toSeconds());
    out.println();
    out.printf(
        Locale.ROOT,
        "/health p99 under load: %.1f ms (%.1f× the idle p99 of %.1f ms); errors: %d of %d"
            + " requests%s.%n%n",
        health.millis(99),
        health.millis(99) / idle.millis(99),
        idle.millis(99),
        all.errorCount() + health.errorCount(),
        all.size + health.size,
        errorsText(all, health));
  }

  private static String errorsText(Recorder all, Recorder health) {
    Map<String, Integer> kinds = new TreeMap<>(all.errors);
    health.errors.forEach((k, v) -> kinds.merge("/health " + k, v, Integer::sum));
    if (kinds.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(" (");
    kinds.forEach((k, v) -> b.append(b.length() > 2 ? ", " : "").append(k).append(": ").append(v));
    return b.append(')').toString();
  }

  private static void row(PrintWriter out, String name, String share, Recorder r, double secs) {
    out.printf(
        Locale.ROOT,
        "| %s | %s | %d | %.0f | %.1f | %.1f | %.1f | %d |%n",
        name,
        share,
        r.size,
        r.size / secs,
        r.millis(50),
        r.millis(99),
        r.millis(100),
        r.errorCount());
  }
}
