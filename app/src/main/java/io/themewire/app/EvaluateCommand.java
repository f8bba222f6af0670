package io.themewire.app;

import io.themewire.classify.eval.Evaluation;
import io.themewire.classify.taxonomy.LabelledText;
import io.themewire.classify.taxonomy.Taxonomy;
import io.themewire.classify.taxonomy.Theme;
import io.themewire.classify.theme.ThemeClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Override
  public Integer call() throws IOException {
    List<LabelledText> examples = load();
    PrintWriter out = spec.commandLine().getOut();
    try (Wiring wiring = common.wiring()) {
      Taxonomy taxonomy = wiring.taxonomy();
      ThemeClassifier classifier = wiring.classifier();
      Evaluation eval =
          evaluate(classifier, taxonomy, examples, ProgressBar.onStderr("evaluating"));
      out.printf(
          "%d examples from %s%n%n",
          examples.size(), file == null ? "the bundled held-out split" : file);
      out.print(eval.report());
    }
    out.flush();
    return 0;
  }

  static Evaluation evaluate(
      ThemeClassifier classifier, Taxonomy taxonomy, List<LabelledText> examples, ProgressBar bar) {
    List<String> gold = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    int done = 0;
    for (LabelledText e : examples) {
      gold.add(e.label());
      predicted.add(classifier.classify(e.text()).primary());
      bar.update(++done, examples.size());
    }
    bar.finish();
    return Evaluation.of(gold, predicted, opposites(taxonomy));
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
