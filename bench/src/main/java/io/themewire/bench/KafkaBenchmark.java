package io.themewire.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.themewire.core.message.RawItem;
import io.themewire.ingest.discussion.DiscussionFormats;
import io.themewire.kafka.KafkaConfig;
import io.themewire.kafka.KafkaTopics;
import io.themewire.kafka.broker.BrokerProcess;
import io.themewire.kafka.stage.ItemPublisher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * The pipeline over Kafka against the embedded one, in the same run, on a real broker (a child
 * process from the broker module's jars): end-to-end items/s from the start of ingest until the
 * search API counts every post, embedded ({@code run --once}) and over Kafka with 1 and 2 classify
 * workers (separate ingest, classify and index processes); ingest-to-searchable latency of single
 * posts at light steady load (one at a time, each timed until a search finds its unique word); and
 * the classify stage alone over Kafka, items.raw filled first, then timed while 1 or 2 workers
 * drain it (from the moment every worker holds partitions until the group's committed offsets reach
 * the end of items.raw).
 */
final class KafkaBenchmark {

  static final int PROBES = 100;
  static final int PARTITIONS = 6;
  static final Duration WAIT = Duration.ofMinutes(20);

  /**
   * Items in items.raw for each classify-alone round, and the warm-up before the steady rate is
   * timed. A fresh worker JVM spends about half a core on JIT compilation for its first 25–30 s
   * when it has the machine to itself, and two workers sharing 2 cores were still compiling a third
   * of a core's worth at 40–60 s (both measured per thread from /proc), so the steady part starts
   * {@link #WARM_UP} after the group holds every partition; the backlog lasts past it with 2
   * workers at 1.7× one.
   */
  static final int ALONE_POSTS = 36_000;

  static final Duration WARM_UP = Duration.ofSeconds(90);

  /** Classify-alone rounds by number of workers, in this order. */
  static final List<Integer> ALONE_ORDER = List.of(1, 2, 2, 1);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String classpath;
  private final Path work;
  private final List<Process> children = new ArrayList<>();
  private int launched;

  private KafkaBenchmark(String classpath, Path work) {
    this.classpath = classpath;
    this.work = work;
  }

  static void run(Path home, int posts, PrintWriter out) throws Exception {
    Path work = Files.createTempDirectory("tw-bench-kafka");
    KafkaBenchmark b = new KafkaBenchmark(PipelineBenchmark.appClasspath(home), work);
    BrokerProcess broker = null;
    try {
      b.measure(posts, out, broker = startBroker(work));
    } finally {
      b.stopAll();
      if (broker != null) {
        broker.stop();
      }
      BrokerProcess.deleteRecursively(work);
    }
  }

  private static BrokerProcess startBroker(Path work) throws Exception {
    return BrokerProcess.start(
        BrokerProcess.defaultLib(),
        Files.createDirectories(work.resolve("broker")),
        0,
        BrokerProcess.DEFAULT_START_TIMEOUT);
  }

  private void measure(int n, PrintWriter out, BrokerProcess broker) throws Exception {
    List<Path> files =
        PipelineBenchmark.writePosts(Files.createDirectories(work.resolve("posts")), n);
    // The model is trained once; every process loads it from its data folder.
    Path model = work.resolve("trained");
    waitOk(start("train", List.of("train", "--data", model.toString()), "-Xmx2g"), "train");
    String bootstrap = broker.bootstrapServers();

    // End to end: embedded, then Kafka with 1 and 2 classify workers.
    Path config = work.resolve("posts").resolve("run.yaml");
    StringBuilder yaml = new StringBuilder("sources:\n");
    for (Path f : files) {
      yaml.append("  - path: ").append(f.getFileName()).append("\n    interval: 1d\n");
    }
    Files.writeString(config, yaml.toString());
    Path embedded = dataWithModel("embedded", model);
    double embeddedSeconds =
        PipelineBenchmark.seconds(
            classpath,
            List.of("run", "--config", config.toString(), "--once", "--data", embedded.toString()),
            work.resolve("embedded-out.txt"));
    long embeddedDocs = PipelineBenchmark.countDocs(embedded.resolve("index"));
    double[] embeddedLatency = embeddedLatency(model);

    Map<Integer, double[]> e2e = new HashMap<>();
    Map<Integer, double[]> kafkaLatency = new HashMap<>();
    for (int workers : List.of(1, 2)) {
      KafkaConfig kc = new KafkaConfig(bootstrap, new KafkaTopics("e" + workers + "."), PARTITIONS);
      List<String> kafka = kafkaArgs(kc);
      Process index =
          start(
              "index",
              concat(
                  List.of("index"),
                  kafka,
                  List.of("--data", work.resolve("index-" + workers).toString(), "--serve", "0")),
              "-Xmx1g");
      int port = ServingPort.of(index, "index", Duration.ofMinutes(3));
      List<Process> classify = startWorkers(kc, workers, model);
      awaitGroup(kc, workers);
      long t0 = System.nanoTime();
      List<String> ingest = concat(List.of("ingest"), kafka, List.of("--once"));
      List<String> all = new ArrayList<>(ingest);
      files.forEach(f -> all.add(f.toString()));
      waitOk(start("ingest", all, "-Xmx1g"), "ingest");
      double ingestSeconds = (System.nanoTime() - t0) / 1e9;
      awaitTotal(port, n);
      double seconds = (System.nanoTime() - t0) / 1e9;
      e2e.put(workers, new double[] {seconds, ingestSeconds, total(port)});
      kafkaLatency.put(workers, kafkaLatency(kc, port));
      stop(index);
      classify.forEach(this::stop);
    }

    // The classify stage alone: items.raw filled first, then drained by 1 or 2 workers; rounds
    // alternate the order (1, 2, 2, 1) so that drift of the shared machine falls on both.
    List<Path> backlog =
        PipelineBenchmark.writePosts(
            Files.createDirectories(work.resolve("alone-posts")), ALONE_POSTS);
    List<Alone> alone = new ArrayList<>();
    int round = 0;
    for (int workers : ALONE_ORDER) {
      alone.add(classifyAlone(bootstrap, ++round, workers, backlog, model, broker));
    }

    report(
        out,
        n,
        files.size(),
        embeddedSeconds,
        embeddedDocs,
        embeddedLatency,
        e2e,
        kafkaLatency,
        alone);
  }

  /**
   * One classify-alone round: a fresh topic set and group, items.raw filled by an ingest process,
   * then {@code workers} classify processes (each one thread) started; the model loads before a
   * worker joins, so the window — from every worker holding partitions until the group's committed
   * offsets reach the end of items.raw — holds neither JVM start nor model load.
   */
  private Alone classifyAlone(
      String bootstrap, int round, int workers, List<Path> files, Path model, BrokerProcess broker)
      throws Exception {
    KafkaConfig kc =
        new KafkaConfig(bootstrap, new KafkaTopics("c" + round + "w" + workers + "."), PARTITIONS);
    List<String> all = new ArrayList<>(concat(List.of("ingest"), kafkaArgs(kc), List.of("--once")));
    files.forEach(f -> all.add(f.toString()));
    waitOk(start("fill", all, "-Xmx1g"), "fill items.raw");
    try (Admin admin = Admin.create(kc.admin())) {
      Map<TopicPartition, Long> ends = endOffsets(admin, kc.topics().raw());
      long end = ends.values().stream().mapToLong(Long::longValue).sum();
      List<Process> classify = startWorkers(kc, workers, model);
      awaitGroup(kc, workers);
      Cpu before = Cpu.now(classify, broker);
      long t0 = System.nanoTime();
      long c0 = committed(admin, kc);
      // The steady part: after the warm-up, past JIT compilation and the first fetches.
      long warm = t0 + WARM_UP.toNanos();
      long tWarm = 0;
      long cWarm = 0;
      Cpu atWarm = before;
      long deadline = t0 + WAIT.toNanos();
      long c;
      while ((c = committed(admin, kc)) < end) {
        if (tWarm == 0 && System.nanoTime() >= warm) {
          tWarm = System.nanoTime();
          cWarm = c;
          atWarm = Cpu.now(classify, broker);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("classify did not drain items.raw within " + WAIT);
        }
        Thread.sleep(100);
      }
      long t1 = System.nanoTime();
      Cpu after = Cpu.now(classify, broker);
      classify.forEach(this::stop);
      if (tWarm == 0) {
        tWarm = t0;
        cWarm = c0;
      }
      double seconds = (t1 - t0) / 1e9;
      double steadySeconds = (t1 - tWarm) / 1e9;
      return new Alone(
          round,
          workers,
          end - c0,
          seconds,
          (end - cWarm) / steadySeconds,
          c0,
          (after.workers - before.workers) / seconds,
          (after.broker - before.broker) / seconds,
          (after.machine - before.machine) / seconds,
          (after.workers - atWarm.workers) / steadySeconds,
          ends.values().stream().mapToLong(Long::longValue).min().orElse(0),
          ends.values().stream().mapToLong(Long::longValue).max().orElse(0));
    }
  }

  /**
   * One classify-alone round's figures; the CPU ones in cores (CPU seconds per second of the
   * window): the workers', the broker's, and the whole machine's busy time (all processes), and the
   * workers' in the steady part alone.
   */
  record Alone(
      int round,
      int workers,
      long items,
      double seconds,
      double steadyRate,
      long beforeJoined,
      double workerCores,
      double brokerCores,
      double machineCores,
      double steadyWorkerCores,
      long smallestPartition,
      long largestPartition) {
    double rate() {
      return items / seconds;
    }
  }

  /** CPU seconds used so far by the workers, by the broker and by the whole machine. */
  record Cpu(double workers, double broker, double machine) {
    static Cpu now(List<Process> workers, BrokerProcess broker) {
      double w = 0;
      for (Process p : workers) {
        w += cpuSeconds(p.toHandle());
      }
      return new Cpu(
          w, ProcessHandle.of(broker.pid()).map(Cpu::cpuSeconds).orElse(0.0), machineBusy());
    }

    private static double cpuSeconds(ProcessHandle h) {
      return h.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /** Busy CPU seconds of all processors since boot, from /proc/stat; 0 where there is none. */
    private static double machineBusy() {
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
          if (i != 4 && i != 5) { // idle, iowait
            busy += Long.parseLong(f[i]);
          }
        }
        return busy / 100.0; // USER_HZ
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
  }

  private void report(
      PrintWriter out,
      int n,
      int files,
      double embeddedSeconds,
      long embeddedDocs,
      double[] embeddedLatency,
      Map<Integer, double[]> e2e,
      Map<Integer, double[]> kafkaLatency,
      List<Alone> alone) {
    out.println("## kafka");
    out.println();
    out.printf(
        Locale.ROOT,
        "Machine: %d processors, Java %s; broker, stages and this driver on the same machine;"
            + " classify workers -Xmx1g, index -Xmx1g, broker -Xmx512m; topics of %d partitions;"
            + " %,d generated posts in %d files end to end, one round; classify alone %d rounds of"
            + " %,d posts.%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        PARTITIONS,
        n,
        files,
        ALONE_ORDER.size(),
        ALONE_POSTS);
    out.println("End to end, from the start of ingest until the search API counts every post:");
    out.println();
    out.println("| mode | classify workers | seconds | items/s | vs embedded | searchable |");
    out.println("|---|---:|---:|---:|---:|---:|");
    double embeddedRate = embeddedDocs / embeddedSeconds;
    out.printf(
        Locale.ROOT,
        "| embedded (`run --once`, whole process) | %d threads | %.1f | %.0f | 1.00× | %,d |%n",
        Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
        embeddedSeconds,
        embeddedRate,
        embeddedDocs);
    for (int w : List.of(1, 2)) {
      double[] r = e2e.get(w);
      out.printf(
          Locale.ROOT,
          "| Kafka (ingest %.1f s, then classify, index) | %d | %.1f | %.0f | %.2f× | %,d |%n",
          r[1],
          w,
          r[0],
          n / r[0],
          (n / r[0]) / embeddedRate,
          (long) r[2]);
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "Ingest to searchable, %d single posts one at a time (embedded: `POST /api/items` of a"
            + " serving `run`, timed until a search finds the post's unique word; Kafka: the post"
            + " published to items.raw and acknowledged, then timed the same way):%n%n",
        PROBES);
    out.println("| mode | classify workers | p50 (ms) | p95 (ms) | max (ms) |");
    out.println("|---|---:|---:|---:|---:|");
    latencyRow(out, "embedded", "-", embeddedLatency);
    for (int w : List.of(1, 2)) {
      latencyRow(out, "Kafka", Integer.toString(w), kafkaLatency.get(w));
    }
    out.println();
    out.println(
        "The classify stage alone over Kafka: items.raw filled first, then drained by 1 or 2"
            + " worker processes (one classify thread each, fresh topics and group each round);"
            + " timed from the moment every worker holds partitions until the group's committed"
            + " offsets reach the end of items.raw. Steady: from "
            + WARM_UP.toSeconds()
            + " s after the group holds every partition (JIT warm-up) to the end. CPU in cores"
            + " over the window (machine: every process, other users' included) and, last, the"
            + " workers' in the steady part:");
    out.println();
    out.println(
        "| round | workers | items timed | seconds | items/s | steady items/s | workers CPU |"
            + " broker CPU | machine CPU | done before all joined | partition sizes | workers CPU,"
            + " steady |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
    for (Alone a : alone) {
      out.printf(
          Locale.ROOT,
          "| %d | %d | %,d | %.1f | %.0f | %.0f | %.2f | %.2f | %.2f | %,d | %d–%d | %.2f |%n",
          a.round(),
          a.workers(),
          a.items(),
          a.seconds(),
          a.rate(),
          a.steadyRate(),
          a.workerCores(),
          a.brokerCores(),
          a.machineCores(),
          a.beforeJoined(),
          a.smallestPartition(),
          a.largestPartition(),
          a.steadyWorkerCores());
    }
    out.println();
    out.println(
        "| classify workers | rounds | items/s (all rounds) | vs 1 worker | steady items/s"
            + " (mean) | vs 1 worker |");
    out.println("|---:|---:|---:|---:|---:|---:|");
    double[] one = aloneSummary(alone, 1);
    for (int w : List.of(1, 2)) {
      double[] r = aloneSummary(alone, w);
      out.printf(
          Locale.ROOT,
          "| %d | %d | %.0f | %.2f× | %.0f | %.2f× |%n",
          w,
          (long) r[2],
          r[0],
          r[0] / one[0],
          r[1],
          r[1] / one[1]);
    }
    out.flush();
  }

  /** Items over seconds summed across the rounds, the mean steady rate, and the rounds. */
  private static double[] aloneSummary(List<Alone> alone, int workers) {
    double items = 0;
    double seconds = 0;
    double steady = 0;
    int rounds = 0;
    for (Alone a : alone) {
      if (a.workers() == workers) {
        items += a.items();
        seconds += a.seconds();
        steady += a.steadyRate();
        rounds++;
      }
    }
    return new double[] {items / seconds, steady / rounds, rounds};
  }

  private static void latencyRow(PrintWriter out, String mode, String workers, double[] sorted) {
    out.printf(
        Locale.ROOT,
        "| %s | %s | %.0f | %.0f | %.0f |%n",
        mode,
        workers,
        PipelineBenchmark.percentile(sorted, 50),
        PipelineBenchmark.percentile(sorted, 95),
        sorted[sorted.length - 1]);
  }

  /** Single posts into a serving embedded {@code run}, each timed until searchable. */
  private double[] embeddedLatency(Path model) throws Exception {
    Path dir = Files.createDirectories(work.resolve("latency"));
    Files.writeString(
        dir.resolve("quiet.xml"), "<rss version=\"2.0\"><channel><title>q</title></channel></rss>");
    Files.writeString(dir.resolve("run.yaml"), "sources:\n  - path: quiet.xml\n    interval: 1d\n");
    String key = "bench-" + Long.toHexString(new Random().nextLong());
    Path data = dataWithModel("latency-data", model);
    Process server =
        start(
            "run",
            List.of(
                "run",
                "--config",
                dir.resolve("run.yaml").toString(),
                "--data",
                data.toString(),
                "--port",
                "0"),
            "-Xmx2g",
            Map.of("THEMEWIRE_API_KEY", key));
    int port = ServingPort.of(server, "run", Duration.ofMinutes(3));
    try {
      return Probes.probe(port, PROBES, 1_000_000, post -> Probes.postItem(port, key, post));
    } finally {
      stop(server);
    }
  }

  /** Single posts published to items.raw, each timed until the index node finds it. */
  private double[] kafkaLatency(KafkaConfig config, int port) throws Exception {
    DiscussionFormats formats = DiscussionFormats.defaults();
    try (ItemPublisher publisher = new ItemPublisher(config, "bench-probe")) {
      return Probes.probe(
          port,
          PROBES,
          1_000_000,
          post -> {
            byte[] line = JSON.writeValueAsBytes(post);
            List<RawItem> items =
                formats
                    .parse(line, Instant.now())
                    .orElseThrow(() -> new IllegalStateException("probe post not parsed"));
            for (RawItem item : items) {
              publisher.publish(item).get(1, TimeUnit.MINUTES);
            }
          });
    }
  }

  private static long total(int port) throws Exception {
    return Probes.search(port, "");
  }

  private static void awaitTotal(int port, long n) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (total(port) < n) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("index did not reach " + n + " items within " + WAIT);
      }
      Thread.sleep(100);
    }
  }

  private List<Process> startWorkers(KafkaConfig kc, int workers, Path model) throws IOException {
    List<Process> out = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      Path data = dataWithModel(kc.topics().prefix() + "classify-" + i, model);
      out.add(
          start(
              "classify",
              concat(List.of("classify"), kafkaArgs(kc), List.of("--data", data.toString())),
              "-Xmx1g"));
    }
    return out;
  }

  /** Waits until the classify group has {@code workers} members sharing every partition. */
  private static void awaitGroup(KafkaConfig kc, int workers) throws Exception {
    String group = kc.topics().prefix() + "themewire-classify";
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    try (Admin admin = Admin.create(kc.admin())) {
      while (true) {
        ConsumerGroupDescription d;
        try {
          d =
              admin
                  .describeConsumerGroups(List.of(group))
                  .all()
                  .get(30, TimeUnit.SECONDS)
                  .get(group);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof GroupIdNotFoundException) || System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(200); // no worker has joined yet
          continue;
        }
        int assigned = 0;
        boolean everyOne = d.members().size() == workers;
        for (MemberDescription m : d.members()) {
          int parts = m.assignment().topicPartitions().size();
          assigned += parts;
          everyOne &= parts > 0;
        }
        if (everyOne && assigned == PARTITIONS) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              group + " did not get " + workers + " members within 5 minutes: " + d);
        }
        Thread.sleep(200);
      }
    }
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach((tp, r) -> ends.put(tp, r.offset()));
    return ends;
  }

  /** Offsets of items.raw the classify group has committed (with its transactions), summed. */
  private static long committed(Admin admin, KafkaConfig kc) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> m =
        admin
            .listConsumerGroupOffsets(kc.topics().prefix() + "themewire-classify")
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    return m.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(kc.topics().raw()) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  private static List<String> kafkaArgs(KafkaConfig kc) {
    return List.of(
        "--kafka",
        kc.bootstrapServers(),
        "--topic-prefix",
        kc.topics().prefix(),
        "--partitions",
        Integer.toString(PARTITIONS));
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> p : parts) {
      all.addAll(p);
    }
    return all;
  }

  /** A fresh data folder holding a copy of the trained model. */
  private Path dataWithModel(String name, Path trained) throws IOException {
    Path data = Files.createDirectories(work.resolve("data").resolve(name));
    Path from = trained.resolve("model");
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path to = data.resolve("model").resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return data;
  }

  private Process start(String name, List<String> args, String heap) throws IOException {
    return start(name, args, heap, Map.of());
  }

  private Process start(String name, List<String> args, String heap, Map<String, String> env)
      throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(PipelineBenchmark.java(), heap, "-cp", classpath, PipelineBenchmark.MAIN));
    cmd.addAll(args);
    Path log = work.resolve("logs").resolve(name + "-" + (++launched) + ".txt");
    Files.createDirectories(log.getParent());
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // A serving child's stdout is read for its port; the others' goes to the log.
    if (!name.equals("index") && !name.equals("run")) {
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    pb.environment().putAll(env);
    Process p = pb.start();
    children.add(p);
    return p;
  }

  private void waitOk(Process p, String what) throws Exception {
    if (!p.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
      stop(p);
      throw new IllegalStateException(what + " did not finish within " + WAIT);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(what + " exited " + p.exitValue() + "; logs in " + work);
    }
  }

  /** SIGTERM, then a kill after a minute. */
  private void stop(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }

  private void stopAll() {
    for (Process p : children) {
      if (p.isAlive()) {
        stop(p);
      }
    }
  }
}
