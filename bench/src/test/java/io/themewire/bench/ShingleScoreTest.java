package io.themewire.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ShingleScoreTest {

  @Test
  void tokens_areUnicodeWordRunsWithCaseKept() {
    assertThat(ShingleScore.tokens("Zoë's café, 2026 — snake_case!"))
        .containsExactly("Zoë", "s", "café", "2026", "snake_case");
  }

  @Test
  void score_perfectPartialAndEmptyPredictions() {
    Map<String, String> truth =
        Map.of("a", "one two three four five", "b", "alpha beta gamma delta");
    ShingleScore.Result perfect = ShingleScore.score(truth, truth);
    assertThat(perfect.f1()).isEqualTo(1.0);
    assertThat(perfect.accuracy()).isEqualTo(1.0);

    // Page a: 1 of 2 true shingles found plus 1 wrong; page b: nothing predicted.
    ShingleScore.Result partial = ShingleScore.score(truth, Map.of("a", "one two three four six"));
    assertThat(partial.precision()).isCloseTo(0.5, within(1e-9));
    assertThat(partial.recall()).isCloseTo(0.25, within(1e-9));
    assertThat(partial.accuracy()).isZero();
  }

  @Test
  void score_shortTextsAreOneShingle() {
    assertThat(ShingleScore.shingles(ShingleScore.tokens("just three words")))
        .containsExactly(Map.entry(List.of("just", "three", "words"), 1));
  }

  /** The corpus README's published figures for its reference outputs, reproduced exactly. */
  @Test
  void score_reproducesThePublishedReferenceFigures() throws Exception {
    Path dir = Path.of("..", "..", "shared", "corpora", "article-extraction");
    Assumptions.assumeTrue(
        Files.isDirectory(dir), "shared corpus not present at " + dir.toAbsolutePath());
    Corpus corpus = Corpus.load(dir);

    ShingleScore.Result readability =
        ShingleScore.score(corpus.truth(), corpus.reference("readability_js"));
    ShingleScore.Result boilerpipe =
        ShingleScore.score(corpus.truth(), corpus.reference("boilerpipe"));

    assertThat(readability.f1()).isCloseTo(0.947, within(0.0005));
    assertThat(readability.precision()).isCloseTo(0.914, within(0.0005));
    assertThat(readability.recall()).isCloseTo(0.982, within(0.0005));
    assertThat(readability.accuracy()).isCloseTo(0.166, within(0.0005));
    assertThat(boilerpipe.f1()).isCloseTo(0.860, within(0.0005));
  }
}
