package io.themewire.app;

import io.themewire.classify.eval.Evaluation;
import io.themewire.classify.taxonomy.LabelledText;
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
      "Score the theme model on labelled JSON Lines (id, text, label): per-theme precision, recall"
          + " and F1, macro-F1, accuracy, how often a move was read the wrong way round, and the"
          + " confusion matrix.",
      "Without FILE, uses the bundled held-out split, which training never sees."
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
      names = "--cross-validate",
      paramLabel = "K",
      description =
          "Instead of FILE, score K-fold cross-validation on the taxonomy's training examples"
              + " (for tuning without touching held-out data).")
  Integer folds;

  @Option(
      names = "--show-errors",
      description = "Also print each misread example as 'gold -> predicted | text'.")
  boolean showErrors;

  @Override
  public Integer call() throws IOException {
    if (folds != null && file != null) {
      throw new ParameterException(
          spec.commandLine(), "give either FILE or --cross-validate, not both");
    }
    if (folds != null && (folds < 2 || folds > 20)) {
      throw new ParameterException(
          spec.commandLine(), "--cross-validate must be 2..20, got " + folds);
    }
    List<LabelledText> examples = folds == null ? load() : null;
    PrintWriter out = spec.commandLine().getOut();
    try (Wiring wiring = common.wiring()) {
      Taxonomy taxonomy = wiring.taxonomy();
      List<String> predicted;
      String heading;
      if (folds != null) {
        examples = taxonomy.examples();
        ProgressBar bar = ProgressBar.onStderr("cross-validating");
        predicted = ThemeModel.crossValidate(taxonomy, wiring.annotator(), folds, 42, bar);
        bar.finish();
        heading =
            folds + "-fold cross-validation on the training examples of " + taxonomy.versionTag();
      } else {
        predicted = predict(wiring.classifier(), examples, ProgressBar.onStderr("evaluating"));
        heading = "examples from " + (file == null ? "the bundled held-out split" : file);
      }
      List<String> gold = examples.stream().map(LabelledText::label).toList();
      if (showErrors) {
        for (int i = 0; i < gold.size(); i++) {
          if (!gold.get(i).equals(predicted.get(i))) {
            out.println(gold.get(i) + " -> " + predicted.get(i) + " | " + examples.get(i).text());
          }
        }
        out.println();
      }
      out.printf("%d %s%n%n", gold.size(), heading);
      out.print(Evaluation.of(gold, predicted, opposites(taxonomy)).report());
    }
    out.flush();
    return 0;
  }

  /** The primary theme of each example, classified on every core. */
  static List<String> predict(
      ThemeClassifier classifier, List<LabelledText> examples, ProgressBar bar) {
    AtomicInteger done = new AtomicInteger();
    List<String> predicted =
        examples.parallelStream()
            .map(
                e -> {
                  String p = classifier.classify(e.text()).primary();
                  bar.update(done.incrementAndGet(), examples.size());
                  return p;
                })
            .toList();
    bar.finish();
    return predicted;
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

  private List<LabelledText> load() throws IOException {
    if (file == null) {
      try (InputStream in =
          Taxonomy.class.getResourceAsStream(Taxonomy.DEFAULT_RESOURCE + "heldout.jsonl")) {
        return Taxonomy.readJsonl(in, "heldout.jsonl");
      }
    }
    Inputs.requireFiles(List.of(file));
    try (InputStream in = Files.newInputStream(file)) {
      return Taxonomy.readJsonl(in, file.toString());
    } catch (IOException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
