package io.themewire.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code themewire} command in a JVM of its own (the test's classpath), as a user would start it:
 * stdout lines are collected, stderr goes to a log file. {@link #kill()} is a kill -9.
 */
final class AppProcess implements AutoCloseable {

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final String name;
  private final Path log;

  private AppProcess(String name, Process process, Path log) {
    this.name = name;
    this.log = log;
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // process gone
              }
            },
            "tw-test-out-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code themewire ARGS...}; stderr is appended to {@code log}. */
  static AppProcess start(String name, Path log, String heap, String... args) throws IOException {
    return start(name, log, heap, java.util.Map.of(), args);
  }

  /** Starts {@code themewire ARGS...} with {@code env} added to its environment. */
  static AppProcess start(
      String name, Path log, String heap, java.util.Map<String, String> env, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(heap);
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("THEMEWIRE_FETCH_ALLOW_PRIVATE", "true");
    pb.environment().putAll(env);
    return new AppProcess(name, pb.start(), log);
  }

  /** The file its stderr goes to. */
  Path log() {
    return log;
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  /** Waits for a stdout line matching {@code p}; fails when the process exits or time runs out. */
  String awaitLine(Predicate<String> p, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      for (String l : lines) {
        if (p.test(l)) {
          return l;
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + ": " + lines);
      }
      Thread.sleep(50);
    }
    throw new AssertionError(name + ": no matching line within " + timeout + ": " + lines);
  }

  /** Waits for the exit status. */
  int await(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not exit within " + timeout + ": " + lines);
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  /** SIGTERM, and waits for the exit. */
  int terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    return await(timeout);
  }

  /** Kills (-9) the processes this one started, then this one: no orphans after a test. */
  void killTree() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    kill();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
