package io.themewire.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The port a child {@code themewire} process prints once it serves. */
final class ServingPort {

  private static final Pattern SERVING = Pattern.compile("serving on http://[^:]+:(\\d+)/");

  private ServingPort() {}

  /**
   * Starts {@code themewire demo} on port 0 (stderr into stdout, which {@link #of} reads), with its
   * index in {@code data} and the sample corpus from {@code samples}.
   */
  static Process demo(String classpath, Path data, Path samples) throws IOException {
    return new ProcessBuilder(
            PipelineBenchmark.java(),
            "-Xmx2g",
            "-cp",
            classpath,
            PipelineBenchmark.MAIN,
            "demo",
            "--port",
            "0",
            "--data",
            data.toString(),
            "--samples",
            samples.toString())
        .redirectErrorStream(true)
        .start();
  }

  /**
   * Waits until {@code p} prints {@code serving on http://HOST:PORT/} and returns the port; its
   * output is drained for as long as it runs, so the child never blocks on a full pipe.
   *
   * @param name the child's name, for the reader thread and the failure when it exits first
   */
  static int of(Process p, String name, Duration timeout) throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  Matcher m = SERVING.matcher(line);
                  if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                  }
                }
              } catch (IOException e) {
                port.completeExceptionally(e);
              }
              port.completeExceptionally(new IllegalStateException(name + " exited"));
            },
            "bench-" + name + "-output");
    t.setDaemon(true);
    t.start();
    return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
