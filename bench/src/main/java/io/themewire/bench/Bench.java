package io.themewire.bench;

import io.themewire.core.progress.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench/run}: Themewire's benchmarks. Prints Markdown tables to stdout. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Run a benchmark: 'extraction' (quality and speed on the shared article corpus),"
          + " 'classify' (items/s of the classify stage against bare CoreNLP, short posts and"
          + " 800-word articles, and heap), 'pipeline' (themewire run --once to a committed"
          + " index against themewire classify alone, whole processes, and ingest-to-searchable"
          + " latency of POST /api/items), 'stories' (story clustering of 10,000 generated items"
          + " of one day against bare tokenising, and heap), 'digest' (the daily briefing of 1,000"
          + " and 10,000 items of one day against a bare scan of the same index), 'web' (first"
          + " render of the editors' page in headless Chromium against loading /health), 'index'"
          + " (docs/s of the index writer against a bare Lucene IndexWriter, same documents) or"
          + " 'query' (search, trends and terms latency at 100,000 and 1,000,000 items, 1 and 8"
          + " clients, against bare Lucene searches on the same index, and heap)."
    })
public final class Bench implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "BENCHMARK",
      description = "extraction, classify, pipeline, stories, digest, web, index or query")
  String which;

  @Option(
      names = "--corpora",
      paramLabel = "DIR",
      description = "The shared corpora folder (default: ../shared/corpora beside the checkout).")
  Path corpora;

  @Option(
      names = "--rounds",
      defaultValue = "5",
      description = "Timed rounds (default: ${DEFAULT-VALUE}); the first warms up.")
  int rounds;

  @Option(
      names = "--worst",
      defaultValue = "0",
      paramLabel = "N",
      description = "extraction: also list the N pages with the lowest F1.")
  int worst;

  @Option(
      names = "--posts",
      defaultValue = "8000",
      paramLabel = "N[,N...]",
      description = "pipeline: corpus sizes in posts, comma-separated (default: ${DEFAULT-VALUE}).")
  String posts;

  @Option(
      names = "--items",
      paramLabel = "N[,N...]",
      description =
          "index, query: corpus sizes in items, comma-separated (default: 100000 for index,"
              + " 100000,1000000 for query).")
  String items;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "query: where the generated indexes are built once and reused (default:"
              + " bench/target/query-indexes).")
  Path cache;

  @Option(
      names = "--folds",
      defaultValue = "5",
      paramLabel = "K",
      description =
          "extraction: cross-validate by site over K folds (default: ${DEFAULT-VALUE}; 0 skips).")
  int folds;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Bench());
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("bench: " + ex.getMessage() + " (see --help)");
          return 2;
        });
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (rounds < 2 || rounds > 100) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--rounds must be 2..100, got " + rounds);
    }
    if (folds == 1 || folds < 0 || folds > 20) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--folds must be 0 or 2..20, got " + folds);
    }
    Path dir = corpora != null ? corpora : defaultCorpora();
    if (!Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "no corpora folder at " + dir + " (use --corpora DIR)");
    }
    PrintWriter out = spec.commandLine().getOut();
    Progress bar = progress(which);
    switch (which.toLowerCase(Locale.ROOT)) {
      case "extraction" ->
          ExtractionBenchmark.run(
              Corpus.load(dir.resolve("article-extraction")), rounds, worst, folds, out, bar);
      case "classify" ->
          ClassifyBenchmark.run(Corpus.load(dir.resolve("article-extraction")), rounds, out, bar);
      case "pipeline" ->
          PipelineBenchmark.run(
              home(), PipelineBenchmark.sizes(posts), rounds, out, progress("pipeline"));
      case "stories" -> StoriesBenchmark.run(StoriesBenchmark.ITEMS, rounds, out, bar);
      case "digest" ->
          DigestBenchmark.run(Corpus.load(dir.resolve("article-extraction")), rounds, out, bar);
      case "web" -> WebPageBenchmark.run(home(), rounds, out, progress("web"));
      case "index" ->
          IndexBenchmark.run(
              PipelineBenchmark.sizes(items == null ? "100000" : items),
              rounds,
              out,
              progress("index"));
      case "query" ->
          QueryBenchmark.run(
              PipelineBenchmark.sizes(items == null ? "100000,1000000" : items),
              rounds,
              cache != null ? cache : home().resolve("bench/target/query-indexes"),
              out,
              progress("query"));
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "unknown benchmark '"
                  + which
                  + "': use extraction, classify, pipeline, stories, digest, web, index or query");
    }
    if (System.console() != null) {
      System.err.println();
    }
    out.flush();
    return 0;
  }

  private static Path home() {
    String home = System.getenv("THEMEWIRE_HOME");
    return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
  }

  private static Path defaultCorpora() {
    String home = System.getenv("THEMEWIRE_HOME");
    return Path.of(home == null ? "." : home).resolve("../shared/corpora").normalize();
  }

  private static Progress progress(String label) {
    if (System.console() == null) {
      return Progress.NONE;
    }
    return (done, total) ->
        System.err.printf(Locale.ROOT, "\r%s: round %d of %d", label, done, total);
  }
}
