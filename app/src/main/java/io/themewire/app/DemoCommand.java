package io.themewire.app;

import io.themewire.core.stage.EmbeddedRunner;
import io.themewire.core.stage.JsonlDeadLetterLog;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.ingest.source.SourceRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code themewire demo}: the embedded pipeline over the bundled sample corpus, then serving. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the embedded pipeline (ingest, classify, index) over the bundled sample corpus, then"
          + " serve the API. Items already indexed unchanged are skipped, so later runs start in"
          + " seconds."
    })
final class DemoCommand implements Callable<Integer> {

  /** File names the demo ingests from the samples folder. */
  static final String SAMPLE_GLOB = "glob:**.{xml,html,htm,json}";

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port to serve on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--samples",
      paramLabel = "DIR",
      description = "The corpus to ingest (default: samples/ of the Themewire checkout).")
  Path samples;

  @Option(names = "--no-serve", description = "Stop after indexing instead of serving.")
  boolean noServe;

  @Override
  public Integer call() throws Exception {
    PortOption.check(spec, port);
    Path dir = samples != null ? samples : defaultSamples();
    List<Path> files = sampleFiles(dir);
    PrintWriter out = spec.commandLine().getOut();
    Wiring wiring = common.wiring();
    LuceneArticleIndex index = wiring.openIndex();
    try {
      ingest(wiring, index, dir, files, out);
    } catch (Exception | Error e) {
      index.close();
      wiring.close();
      throw e;
    }
    out.flush();
    if (noServe) {
      index.close();
      wiring.close();
      return 0;
    }
    Serving.serveUntilStopped(wiring, index, host, port, out);
    return 0;
  }

  private static void ingest(
      Wiring wiring, LuceneArticleIndex index, Path dir, List<Path> files, PrintWriter out)
      throws Exception {
    long start = System.nanoTime();
    try (JsonlDeadLetterLog dead = wiring.deadLetterLog()) {
      EmbeddedRunner<SourceRequest> runner = new EmbeddedRuntime(wiring).pipeline(index, dead);
      ProgressBar bar = ProgressBar.onStderr("ingesting samples");
      int done = 0;
      try {
        for (Path f : files) {
          runner.submit(new SourceRequest(f.toString()));
          bar.update(++done, files.size());
        }
      } finally {
        runner.close(); // drains every queue: all submitted work is finished or dead-lettered
        bar.finish();
      }
      out.printf(
          "%d sample files from %s in %.1f s%n",
          files.size(), dir, (System.nanoTime() - start) / 1e9);
      for (Map.Entry<String, Map<String, Long>> e : runner.counts().entrySet()) {
        out.printf("  %-9s %s%n", e.getKey(), e.getValue());
      }
      out.printf("  index     %d items%n", index.count());
    }
  }

  static Path defaultSamples() {
    String home = System.getenv("THEMEWIRE_HOME");
    return home == null ? Path.of("samples") : Path.of(home, "samples");
  }

  static List<Path> sampleFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new UserInputException("no sample corpus at " + dir + " (use --samples DIR)");
    }
    var matcher = dir.getFileSystem().getPathMatcher(SAMPLE_GLOB);
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
    }
  }
}
