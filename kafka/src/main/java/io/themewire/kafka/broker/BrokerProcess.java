package io.themewire.kafka.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker (KRaft, broker and controller in one) running as a child JVM
 * from the {@code kafka_2.13} jars in a folder of their own, never on this process's classpath. For
 * development, tests and CI; production runs a real cluster.
 *
 * <p>The work folder keeps {@code server.properties} and the log: starting again on the same folder
 * reuses both (same ports, same topics), which is how a test stops and restarts "the" broker. Ready
 * means {@code Admin.describeCluster()} answers, polled in a bounded loop.
 */
public final class BrokerProcess implements AutoCloseable {

  /** How long {@link #start} waits for the broker to answer. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

  /** How long {@link #stop} waits after SIGTERM before killing. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(30);

  /** System property naming the folder of broker jars. */
  public static final String LIB_PROPERTY = "themewire.broker.lib";

  private static final Logger log = LoggerFactory.getLogger(BrokerProcess.class);

  private final Process process;
  private final Path workDir;
  private final String bootstrap;

  private BrokerProcess(Process process, Path workDir, String bootstrap) {
    this.process = process;
    this.workDir = workDir;
    this.bootstrap = bootstrap;
  }

  /**
   * Starts a broker on {@code 127.0.0.1:port} (0 picks a free port) with its data in {@code
   * workDir}, and returns once it answers.
   *
   * @throws IOException when the jars are missing, the broker exits early, or it does not answer
   *     within {@code timeout}
   */
  public static BrokerProcess start(Path libDir, Path workDir, int port, Duration timeout)
      throws IOException, InterruptedException {
    Objects.requireNonNull(libDir, "libDir");
    if (!Files.isDirectory(libDir) || !Files.exists(libDir.resolve(kafkaJarName(libDir)))) {
      throw new IOException(
          "no Kafka broker jars in "
              + libDir
              + " (build the broker module: ./mvnw -pl broker generate-resources)");
    }
    Files.createDirectories(workDir);
    Path props = workDir.resolve("server.properties");
    int brokerPort;
    if (Files.exists(props)) {
      brokerPort = Integer.parseInt(readProps(props).getProperty("themewire.port"));
    } else {
      brokerPort = port == 0 ? freePort() : port;
      int controllerPort = freePort();
      writeServerProperties(props, workDir, brokerPort, controllerPort);
    }
    Path logConfig = writeLogConfig(workDir);
    String cp = libDir.toAbsolutePath() + "/*";
    if (!Files.exists(workDir.resolve("data").resolve("meta.properties"))) {
      List<String> format =
          List.of(
              java(),
              "-Xmx256m",
              "-cp",
              cp,
              "-Dlog4j2.configurationFile=" + logConfig.toUri(),
              "kafka.tools.StorageTool",
              "format",
              "-t",
              Uuid.randomUuid().toString(),
              "-c",
              props.toString(),
              "--standalone");
      Process f =
          new ProcessBuilder(format)
              .redirectErrorStream(true)
              .redirectOutput(workDir.resolve("format.out").toFile())
              .start();
      if (!f.waitFor(60, TimeUnit.SECONDS) || f.exitValue() != 0) {
        f.destroyForcibly();
        throw new IOException(
            "formatting the broker's storage failed: "
                + Files.readString(workDir.resolve("format.out")));
      }
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.add("-Xmx512m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add("-Dlog4j2.configurationFile=" + logConfig.toUri());
    cmd.add("kafka.Kafka");
    cmd.add(props.toString());
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(workDir.resolve("broker.out").toFile()))
            .start();
    String bootstrap = "127.0.0.1:" + brokerPort;
    BrokerProcess broker = new BrokerProcess(p, workDir, bootstrap);
    try {
      awaitReady(p, bootstrap, timeout, workDir);
    } catch (IOException | InterruptedException | RuntimeException e) {
      broker.stop();
      throw e;
    }
    log.info("broker - ready on {} (pid {}, data in {})", bootstrap, p.pid(), workDir);
    return broker;
  }

  /** The folder of broker jars: {@value #LIB_PROPERTY}, else found from the repo checkout. */
  public static Path defaultLib() {
    String prop = System.getProperty(LIB_PROPERTY);
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String env = System.getenv("THEMEWIRE_BROKER_LIB");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String home = System.getenv("THEMEWIRE_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home, "broker", "target", "lib");
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve("broker").resolve("target").resolve("lib");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return dir.resolve("broker").resolve("target").resolve("lib");
  }

  /** {@code 127.0.0.1:PORT}. */
  public String bootstrapServers() {
    return bootstrap;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path workDir() {
    return workDir;
  }

  /** SIGTERM, then waits up to {@link #STOP_GRACE}; kills it if it is still running. */
  public void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("broker - pid {} did not stop within {}; killing it", process.pid(), STOP_GRACE);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the broker at once (SIGKILL), as a crash would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Waits for the broker to exit by itself (for the foreground command). */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  @Override
  public void close() {
    stop();
  }

  /** Deletes a work folder (after {@link #stop}). */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      log.warn("broker - cannot delete {}: {}", dir, e.toString());
    }
  }

  private static void awaitReady(Process p, String bootstrap, Duration timeout, Path workDir)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Map<String, Object> conf =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    try (Admin admin = Admin.create(conf)) {
      while (Instant.now().isBefore(deadline)) {
        if (!p.isAlive()) {
          throw new IOException(
              "the broker exited with status "
                  + p.exitValue()
                  + "; see "
                  + workDir.resolve("broker.out"));
        }
        try {
          if (!admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(2000))
              .nodes()
              .get(3, TimeUnit.SECONDS)
              .isEmpty()) {
            return;
          }
        } catch (java.util.concurrent.ExecutionException
            | java.util.concurrent.TimeoutException e) {
          // Not up yet.
        }
        Thread.sleep(200);
      }
    }
    throw new IOException(
        "the broker did not answer on "
            + bootstrap
            + " within "
            + timeout
            + "; see "
            + workDir.resolve("broker.out"));
  }

  private static String kafkaJarName(Path libDir) throws IOException {
    try (var files = Files.list(libDir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith("kafka_2.13-") && n.endsWith(".jar"))
          .findFirst()
          .orElse("kafka_2.13.jar");
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static Properties readProps(Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    }
    return p;
  }

  private static void writeServerProperties(Path file, Path workDir, int port, int controllerPort)
      throws IOException {
    Properties p = new Properties();
    p.setProperty("themewire.port", Integer.toString(port));
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    p.setProperty(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", workDir.toAbsolutePath().resolve("data").toString());
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "false");
    // Aborted transactions of a killed worker expire quickly in tests.
    p.setProperty("transaction.abort.timed.out.transaction.cleanup.interval.ms", "2000");
    try (OutputStream out = Files.newOutputStream(file)) {
      p.store(out, "single-node KRaft broker written by themewire");
    }
  }

  private static Path writeLogConfig(Path workDir) throws IOException {
    Path file = workDir.resolve("log4j2.properties");
    String logFile = workDir.toAbsolutePath().resolve("broker.log").toString();
    Files.writeString(
        file,
        String.join(
            "\n",
            "status = warn",
            "appender.file.type = File",
            "appender.file.name = file",
            "appender.file.fileName = " + logFile,
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = warn",
            "rootLogger.appenderRef.file.ref = file",
            "logger.kafka.name = kafka",
            "logger.kafka.level = info",
            ""));
    return file;
  }
}
