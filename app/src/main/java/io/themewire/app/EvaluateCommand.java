package io.themewire.app;

import io.themewire.classify.eval.Breakdown;
import io.themewire.classify.eval.EvalItem;
import io.themewire.classify.taxonomy.Taxonomy;
import io.themewire.classify.taxonomy.Theme;
import io.themewire.classify.theme.ThemeClassifier;
import io.themewire.classify.theme.ThemeModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code themewire evaluate}: per-theme precision, recall and F1 on labelled JSON Lines. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Score the theme model on labelled JSON Lines (id, text, label; optional title, register):"
          + " per-theme precision, recall and F1, macro-F1, accuracy, the confusion matrix, how"
          + " transition items' directions came out (right, swapped, other theme), accuracy on"
          + " short (< 40 words) and longer texts, and per-register figures.",
      "Without FILE or --corpus, uses the bundled held-out split, which training never sees."
    })
final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "Labelled JSON Lines (default: the bundled held-out split).")
  Path file;

  @Option(
      names = "--corpus",
      paramLabel = "NAME",
      description =
          "A labelled shared corpus instead of FILE: reads NAME/NAME.jsonl under the shared corpora"
              + " folder ($THEMEWIRE_CORPORA, else ../shared/corpora beside the checkout), e.g."
              + " career-passages.")
  String corpus;

  @Option(
      names = "--cross-validate",
      paramLabel = "K",
      description =
          "Instead of FILE, score K-fold cross-validation on the taxonomy's training examples"
              + " (for tuning without touching held-out data).")
  Integer folds;

  @Option(
      names = "--half",
      paramLabel = "A|B",
      description =
          "Only the items of one half, split by a hash of each item's id (see EvalItem.half):"
              + " read errors on half A, report half B as unseen.")
  String half;

  @Option(
      names = "--show-errors",
      description = "Also print each misread example as 'gold -> predicted | text'.")
  boolean showErrors;

  @Override
  public Integer call() throws IOException {
    int sources = (file != null ? 1 : 0) + (corpus != null ? 1 : 0) + (folds != null ? 1 : 0);
    if (sources > 1) {
      throw new ParameterException(
          spec.commandLine(), "give one of FILE, --corpus or --cross-validate");
    }
    if (folds != null && (folds < 2 || folds > 20)) {
      throw new ParameterException(
          spec.commandLine(), "--cross-validate must be 2..20, got " + folds);
    }
    if (half != null && !half.equals("A") && !half.equals("B")) {
      throw new ParameterException(spec.commandLine(), "--half must be A or B, got " + half);
    }
    if (half != null && folds != null) {
      throw new ParameterException(spec.commandLine(), "--half does not go with --cross-validate");
    }
    List<EvalItem> examples = folds == null ? load() : null;
    if (half != null) {
      examples = examples.stream().filter(e -> e.half() == half.charAt(0)).toList();
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Wiring wiring = common.wiring()) {
      Taxonomy taxonomy = wiring.taxonomy();
      List<String> predicted;
      String heading;
      if (folds != null) {
        examples =
            taxonomy.examples().stream()
                .map(e -> new EvalItem(e.id(), "", e.text(), e.label(), ""))
                .toList();
        ProgressBar bar = ProgressBar.onStderr("cross-validating");
        predicted = ThemeModel.crossValidate(taxonomy, wiring.annotator(), folds, 42, bar);
        bar.finish();
        heading =
            folds + "-fold cross-validation on the training examples of " + taxonomy.versionTag();
      } else {
        predicted = predict(wiring.classifier(), examples, ProgressBar.onStderr("evaluating"));
        heading =
            "examples from "
                + (file != null
                    ? file
                    : corpus != null ? "corpus " + corpus : "the bundled held-out split")
                + (half == null ? "" : ", half " + half);
      }
      List<String> gold = examples.stream().map(EvalItem::label).toList();
      if (showErrors) {
        for (int i = 0; i < gold.size(); i++) {
          if (!gold.get(i).equals(predicted.get(i))) {
            EvalItem e = examples.get(i);
            out.println(
                gold.get(i)
                    + " -> "
                    + predicted.get(i)
                    + " | "
                    + (e.register().isEmpty() ? "" : "[" + e.register() + "] ")
                    + e.fullText().replace('\n', ' '));
          }
        }
        out.println();
      }
      out.printf("%d %s%n%n", gold.size(), heading);
      out.print(Breakdown.of(examples, predicted, opposites(taxonomy)).report());
    }
    out.flush();
    return 0;
  }

  /** The primary theme of each example, classified on every core. */
  static List<String> predict(
      ThemeClassifier classifier, List<EvalItem> examples, ProgressBar bar) {
    AtomicInteger done = new AtomicInteger();
    List<String> predicted =
        examples.parallelStream()
            .map(
                e -> {
                  String p = classifier.classify(e.fullText()).primary();
                  bar.update(done.incrementAndGet(), examples.size());
                  return p;
                })
            .toList();
    bar.finish();
    return predicted;
  }

  /** The JSON Lines file of a named shared corpus. */
  private Path corpusFile(String name) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new ParameterException(spec.commandLine(), "--corpus takes a corpus name, got " + name);
    }
    String env = System.getenv("THEMEWIRE_CORPORA");
    Path dir;
    if (env != null && !env.isBlank()) {
      dir = Path.of(env);
    } else {
      String home = System.getenv("THEMEWIRE_HOME");
      dir = Path.of(home == null ? "." : home).resolve("../shared/corpora").normalize();
    }
    Path f = dir.resolve(name).resolve(name + ".jsonl");
    if (!Files.isRegularFile(f)) {
      throw new ParameterException(
          spec.commandLine(), "no corpus '" + name + "': " + f + " is not a file");
    }
    return f;
  }

  /** Pairs of transition themes that are each other's reverse. */
  static List<List<String>> opposites(Taxonomy taxonomy) {
    List<List<String>> pairs = new ArrayList<>();
    List<Theme> themes = taxonomy.themes();
    for (int i = 0; i < themes.size(); i++) {
      for (int j = i + 1; j < themes.size(); j++) {
        Theme a = themes.get(i);
        Theme b = themes.get(j);
        if (a.transition() != null
            && b.transition() != null
            && a.transition().from().equals(b.transition().to())
            && a.transition().to().equals(b.transition().from())) {
          pairs.add(List.of(a.id(), b.id()));
        }
      }
    }
    return pairs;
  }

  private List<EvalItem> load() throws IOException {
    if (file == null && corpus == null) {
      try (InputStream in =
          Taxonomy.class.getResourceAsStream(Taxonomy.DEFAULT_RESOURCE + "heldout.jsonl")) {
        return EvalItem.read(in, "heldout.jsonl");
      }
    }
    Path path = file != null ? file : corpusFile(corpus);
    Inputs.requireFiles(List.of(path));
    try (InputStream in = Files.newInputStream(path)) {
      return EvalItem.read(in, path.toString());
    } catch (IOException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
