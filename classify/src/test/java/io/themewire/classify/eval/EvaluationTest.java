package io.themewire.classify.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  @Test
  void of_computesPerLabelScoresMacroF1AndSwaps() {
    List<String> gold = List.of("a2b", "a2b", "b2a", "x", "x");
    List<String> pred = List.of("a2b", "b2a", "b2a", "x", "a2b");

    Evaluation e = Evaluation.of(gold, pred, List.of(List.of("a2b", "b2a")));

    assertThat(e.perLabel().get("a2b").precision()).isCloseTo(0.5, within(1e-9));
    assertThat(e.perLabel().get("a2b").recall()).isCloseTo(0.5, within(1e-9));
    assertThat(e.perLabel().get("b2a").f1()).isCloseTo(2 * 0.5 * 1.0 / 1.5, within(1e-9));
    assertThat(e.perLabel().get("x").f1()).isCloseTo(2 * 1.0 * 0.5 / 1.5, within(1e-9));
    assertThat(e.macroF1()).isCloseTo((0.5 + 2.0 / 3 + 2.0 / 3) / 3, within(1e-9));
    assertThat(e.accuracy()).isCloseTo(0.6, within(1e-9));
    assertThat(e.transitionItems()).isEqualTo(3);
    assertThat(e.swapped()).isEqualTo(1);
    assertThat(e.confusion().get("x").get("a2b")).isEqualTo(1);
    assertThat(e.report()).contains("macro-F1");
  }
}
