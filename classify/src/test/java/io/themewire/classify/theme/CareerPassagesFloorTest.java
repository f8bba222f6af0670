package io.themewire.classify.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.classify.eval.Breakdown;
import io.themewire.classify.eval.EvalItem;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quality on real web passages the shipped model never trains on: the shared {@code
 * career-passages} corpus (300 labelled excerpts of blogs, comments, tweets, docs, news), read from
 * {@code ../shared} beside the checkout. The figures are floors at what the model achieves, so they
 * cannot slide; the README and docs/BENCHMARKS.md quote {@code themewire evaluate --corpus
 * career-passages}.
 */
class CareerPassagesFloorTest {

  static final Path CORPUS =
      Path.of("..", "..", "shared", "corpora", "career-passages", "career-passages.jsonl");

  static final double MACRO_F1_FLOOR = 0.78;
  static final double RIGHT_TRANSITION_FLOOR = 0.80;
  static final double SWAP_CEILING = 0.10;
  static final double SHORT_ACCURACY_FLOOR = 0.81;

  @Test
  void careerPassages_macroF1DirectionAndShortTextAccuracyHoldTheirFloors() throws Exception {
    assertThat(CORPUS).as("shared corpus beside the checkout").isRegularFile();
    List<EvalItem> items;
    try (InputStream in = Files.newInputStream(CORPUS)) {
      items = EvalItem.read(in, CORPUS.toString());
    }
    List<String> predicted =
        items.parallelStream()
            .map(e -> SharedModel.CLASSIFIER.classify(e.fullText()).primary())
            .toList();

    Breakdown b =
        Breakdown.of(items, predicted, List.of(List.of("ic-to-manager", "manager-to-ic")));

    assertThat(items).hasSize(300);
    assertThat(b.all().macroF1()).as(b.report()).isGreaterThanOrEqualTo(MACRO_F1_FLOOR);
    assertThat(b.rightTransitionRate())
        .as(b.report())
        .isGreaterThanOrEqualTo(RIGHT_TRANSITION_FLOOR);
    assertThat(b.swapRate()).as(b.report()).isLessThanOrEqualTo(SWAP_CEILING);
    assertThat(b.shortAccuracy()).as(b.report()).isGreaterThanOrEqualTo(SHORT_ACCURACY_FLOOR);
  }
}
