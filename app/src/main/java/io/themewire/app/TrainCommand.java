package io.themewire.app;

import io.themewire.classify.taxonomy.Taxonomy;
import io.themewire.classify.theme.ThemeModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code themewire train}: trains the theme model on the taxonomy's examples and saves it. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train the theme model on the taxonomy's examples (train/<theme>.jsonl) and save it under"
          + " DATA/model. Commands that classify use the saved model while the examples are unchanged."
    })
final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (Wiring wiring = common.wiring()) {
      Taxonomy taxonomy = wiring.taxonomy();
      Map<String, Integer> perTheme = new TreeMap<>();
      taxonomy.examples().forEach(e -> perTheme.merge(e.label(), 1, Integer::sum));
      ProgressBar bar = ProgressBar.onStderr("training");
      long start = System.nanoTime();
      ThemeModel model = ThemeModel.train(taxonomy, wiring.annotator(), bar);
      bar.finish();
      Path file = model.save(wiring.settings().dataDir().resolve("model"));
      out.printf(
          "taxonomy %s, %d examples %s%n",
          taxonomy.versionTag(), taxonomy.examples().size(), perTheme);
      out.printf(
          "model %s trained in %d ms, saved to %s%n",
          model.version(), (System.nanoTime() - start) / 1_000_000, file);
    }
    out.flush();
    return 0;
  }
}
