package io.themewire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.themewire.core.progress.Progress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The embedded pipeline end to end — {@code themewire run --once} over posts files: parse,
 * classify, copy-merge, index, commit — against {@code themewire classify} alone on the same texts,
 * both as whole processes (JVM start and model load included), rounds alternating so that machine
 * noise hits both alike. Then ingest-to-searchable latency: posts pushed one at a time through
 * {@code POST /api/items} of a serving {@code run}, each timed from the request until a search
 * finds it. Posts are generated from a seed: short (12 to 70 words), 500 authors, a year of dates.
 */
final class PipelineBenchmark {

  /** Posts per file: under the JSON Lines import's line cap and the 10 MiB read limit. */
  static final int POSTS_PER_FILE = 10_000;

  static final int LATENCY_POSTS = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  private PipelineBenchmark() {}

  static void run(Path home, List<Integer> sizes, int rounds, PrintWriter out, Progress progress)
      throws Exception {
    String classpath = appClasspath(home);
    Path work = Files.createTempDirectory("tw-bench-pipeline");
    out.println("## pipeline: embedded pipeline against classify alone");
    out.println();
    out.printf(
        Locale.ROOT,
        "Machine: %d processors, Java %s, child JVMs -Xmx2g. Rounds: %d per size, alternating.%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        rounds);
    out.println(
        "| posts | classify alone (s, median) | pipeline to committed index (s, median) | ratio"
            + " (classify / pipeline) | pipeline posts/s | indexed |");
    out.println("|---:|---:|---:|---:|---:|---:|");
    out.flush();
    int step = 0;
    for (int n : sizes) {
      Path dir = Files.createDirectories(work.resolve("n" + n));
      List<Path> postFiles = writePosts(dir, n);
      Path classifyInput = writeClassifyInput(dir, postFiles);
      Path config = dir.resolve("run.yaml");
      StringBuilder yaml = new StringBuilder("sources:\n");
      for (Path f : postFiles) {
        yaml.append("  - path: ").append(f.getFileName()).append("\n    interval: 1d\n");
      }
      Files.writeString(config, yaml.toString());
      List<Double> classify = new ArrayList<>();
      List<Double> pipeline = new ArrayList<>();
      long indexed = -1;
      for (int r = 0; r < rounds; r++) {
        Path data = dir.resolve("data-" + r);
        classify.add(
            seconds(
                classpath,
                List.of(
                    "classify", "--data", data.resolve("c").toString(), classifyInput.toString()),
                dir.resolve("classify-out.jsonl")));
        pipeline.add(
            seconds(
                classpath,
                List.of(
                    "run",
                    "--once",
                    "--config",
                    config.toString(),
                    "--data",
                    data.resolve("p").toString()),
                dir.resolve("run-out.txt")));
        indexed = countDocs(data.resolve("p").resolve("index"));
        progress.update(++step, sizes.size() * rounds);
      }
      double c = median(classify);
      double p = median(pipeline);
      out.printf(
          Locale.ROOT,
          "| %,d | %.1f | %.1f | %.2f× | %.0f | %,d |%n",
          n,
          c,
          p,
          c / p,
          n / p,
          indexed);
      out.flush();
    }
    out.println();
    latency(classpath, work.resolve("latency"), out);
  }

  /** The classpath of the app's build, for child {@code themewire} JVMs. */
  static String appClasspath(Path home) throws IOException {
    Path app = home.resolve("app/target/themewire-app-0.1.0-SNAPSHOT.jar");
    Path cpFile = home.resolve("app/target/classpath.txt");
    if (!Files.exists(app) || !Files.exists(cpFile)) {
      throw new IllegalStateException(
          "no app build at " + app + " (bench/run builds it; or ./mvnw -DskipTests package)");
    }
    return app + java.io.File.pathSeparator + Files.readString(cpFile).strip();
  }

  /** Runs one whole process of the app and returns its wall time in seconds. */
  static double seconds(String classpath, List<String> args, Path output)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx2g", "-cp", classpath, MAIN));
    cmd.addAll(args);
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(false)
            .redirectOutput(output.toFile())
            .redirectError(
                ProcessBuilder.Redirect.appendTo(output.resolveSibling("stderr.txt").toFile()))
            .start();
    int rc = p.waitFor();
    double s = (System.nanoTime() - t0) / 1e9;
    if (rc != 0) {
      throw new IllegalStateException(
          String.join(" ", args) + " exited " + rc + "; see " + output.getParent());
    }
    return s;
  }

  static final String MAIN = "io.themewire.app.Main";

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Live documents of the committed index in {@code dir}. */
  static long countDocs(Path dir) throws IOException {
    try (var d = org.apache.lucene.store.FSDirectory.open(dir);
        var r = org.apache.lucene.index.DirectoryReader.open(d)) {
      return r.numDocs();
    }
  }

  /**
   * Pushes posts one at a time into a serving {@code run} and times each from the request until a
   * search for its unique word answers it.
   */
  private static void latency(String classpath, Path dir, PrintWriter out) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("quiet.xml"), "<rss version=\"2.0\"><channel><title>q</title></channel></rss>");
    Files.writeString(dir.resolve("run.yaml"), "sources:\n  - path: quiet.xml\n    interval: 1d\n");
    String key = "bench-" + Long.toHexString(new Random().nextLong());
    ProcessBuilder pb =
        new ProcessBuilder(
                java(),
                "-Xmx2g",
                "-cp",
                classpath,
                MAIN,
                "run",
                "--config",
                dir.resolve("run.yaml").toString(),
                "--data",
                dir.resolve("data").toString(),
                "--port",
                "0")
            .redirectErrorStream(true);
    pb.environment().put("THEMEWIRE_API_KEY", key);
    Process server = pb.start();
    try {
      int port = ServingPort.of(server, "run", java.time.Duration.ofSeconds(180));
      // Numbered apart from the posts of the runs above, each with its own unique word.
      double[] sorted =
          Probes.probe(port, LATENCY_POSTS, 500_000, post -> Probes.postItem(port, key, post));
      out.println("Ingest to searchable (`POST /api/items` of a serving `run`, 202 only once the");
      out.println("post is in the fsynced write-ahead log, then a search until it is found):");
      out.println();
      out.println("| posts | p50 (ms) | p95 (ms) | max (ms) |");
      out.println("|---:|---:|---:|---:|");
      out.printf(
          Locale.ROOT,
          "| %d | %.1f | %.1f | %.1f |%n",
          sorted.length,
          percentile(sorted, 50),
          percentile(sorted, 95),
          sorted[sorted.length - 1]);
      out.flush();
    } finally {
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  static double percentile(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static double median(List<Double> xs) {
    double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static List<Path> writePosts(Path dir, int n) throws IOException {
    Generator gen = new Generator(new Random(12));
    List<Path> files = new ArrayList<>();
    BufferedWriter w = null;
    for (int i = 0; i < n; i++) {
      if (i % POSTS_PER_FILE == 0) {
        if (w != null) {
          w.close();
        }
        Path f = dir.resolve("posts-" + (i / POSTS_PER_FILE) + ".jsonl");
        files.add(f);
        w = Files.newBufferedWriter(f, StandardCharsets.UTF_8);
      }
      w.write(JSON.writeValueAsString(gen.post(i)));
      w.write('\n');
    }
    if (w != null) {
      w.close();
    }
    return files;
  }

  /** The same texts as {@code classify} reads them: id and text. */
  private static Path writeClassifyInput(Path dir, List<Path> postFiles) throws IOException {
    Path f = dir.resolve("classify.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      for (Path posts : postFiles) {
        for (String line : Files.readAllLines(posts, StandardCharsets.UTF_8)) {
          JsonNode node = JSON.readTree(line);
          Map<String, Object> c = new LinkedHashMap<>();
          c.put("id", node.path("id").asText());
          c.put("text", node.path("text").asText());
          w.write(JSON.writeValueAsString(c));
          w.write('\n');
        }
      }
    }
    return f;
  }

  /** Seeded short career posts: a few clauses from word banks, 12 to 70 words. */
  static final class Generator {
    private static final List<String> OPENERS =
        List.of(
            "After %d years as an engineering manager",
            "Three months into my first staff role",
            "Having led a team of %d for a while",
            "Since my promotion to tech lead",
            "Coming back from parental leave",
            "Two years after moving into management",
            "Halfway through my %dth year on the platform team",
            "As a senior engineer on a team of %d");
    private static final List<String> MIDDLES =
        List.of(
            "I decided to go back to writing code every day",
            "I asked my director about the principal engineer track",
            "I started interviewing for manager roles at other companies",
            "I realised the calendar was full of one to ones and no design work",
            "I took over the hiring loop and the on-call rotation",
            "I wrote a document about what staff engineers do here",
            "I said no to a promotion into people management",
            "I moved to a smaller team to work on the database again",
            "I began mentoring two new graduates on the payments service",
            "I spent most weeks reviewing roadmaps instead of pull requests");
    private static final List<String> CLOSERS =
        List.of(
            "and it was the right call for me.",
            "and the pay turned out to be the same.",
            "which nobody warned me about.",
            "and I would do it again.",
            "and my reports seemed relieved.",
            "so ask me anything about the switch.",
            "but the career ladder here still assumes you manage people.",
            "and I miss the quiet focus time.",
            "while the company reorganised around us.",
            "and now I am not sure what comes next.");
    private static final List<String> EXTRAS =
        List.of(
            "The hardest part was telling the team.",
            "Our levelling guide does not mention this path at all.",
            "My manager was supportive, which helped a lot.",
            "I kept a journal of the first ninety days.",
            "The incident reviews taught me more than any course.",
            "We also changed how promotions are written up.");
    private static final Instant START = Instant.parse("2025-12-01T00:00:00Z");

    private final Random random;

    Generator(Random random) {
      this.random = random;
    }

    Map<String, Object> post(int i) {
      StringBuilder text = new StringBuilder();
      int sentences = 1 + random.nextInt(3);
      for (int s = 0; s < sentences; s++) {
        if (s > 0) {
          text.append(' ');
        }
        text.append(OPENERS.get(random.nextInt(OPENERS.size())).formatted(2 + random.nextInt(12)))
            .append(", ")
            .append(MIDDLES.get(random.nextInt(MIDDLES.size())))
            .append(' ')
            .append(CLOSERS.get(random.nextInt(CLOSERS.size())));
        if (random.nextInt(3) == 0) {
          text.append(' ').append(EXTRAS.get(random.nextInt(EXTRAS.size())));
        }
      }
      Map<String, Object> post = new LinkedHashMap<>();
      post.put("id", "bench-" + i);
      post.put("author", "author" + random.nextInt(500));
      post.put("created_at", START.plusSeconds((long) random.nextInt(365 * 24 * 3600)).toString());
      post.put("network", "bench");
      post.put("text", text.toString());
      return post;
    }
  }

  static List<Integer> sizes(String spec) {
    return Arrays.stream(spec.split(","))
        .map(String::strip)
        .map(s -> s.replace("_", "").replace("k", "000"))
        .map(Integer::parseInt)
        .toList();
  }
}
