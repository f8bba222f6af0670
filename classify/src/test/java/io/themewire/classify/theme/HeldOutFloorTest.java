package io.themewire.classify.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.classify.eval.Evaluation;
import io.themewire.classify.taxonomy.LabelledText;
import io.themewire.classify.taxonomy.Taxonomy;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quality floor on the held-out split, which training never reads. The figures the README
 * quotes come from {@code themewire evaluate}; this test keeps them from sliding.
 */
class HeldOutFloorTest {

  static final double MACRO_F1_FLOOR = 0.90;
  static final double SWAP_CEILING = 0.03;

  @Test
  void heldOut_macroF1AndDirectionSwapsStayWithinTheirBounds() throws Exception {
    List<LabelledText> heldOut;
    try (InputStream in =
        Taxonomy.class.getResourceAsStream(Taxonomy.DEFAULT_RESOURCE + "heldout.jsonl")) {
      heldOut = Taxonomy.readJsonl(in, "heldout.jsonl");
    }
    List<String> gold = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    for (LabelledText e : heldOut) {
      gold.add(e.label());
      predicted.add(SharedModel.CLASSIFIER.classify(e.text()).primary());
    }

    Evaluation eval =
        Evaluation.of(gold, predicted, List.of(List.of("ic-to-manager", "manager-to-ic")));

    assertThat(heldOut).hasSizeGreaterThanOrEqualTo(300);
    assertThat(eval.macroF1()).as(eval.report()).isGreaterThanOrEqualTo(MACRO_F1_FLOOR);
    assertThat(eval.swapRate()).as(eval.report()).isLessThan(SWAP_CEILING);
  }

  @Test
  void heldOut_sharesNoTextWithTraining() throws Exception {
    List<LabelledText> heldOut;
    try (InputStream in =
        Taxonomy.class.getResourceAsStream(Taxonomy.DEFAULT_RESOURCE + "heldout.jsonl")) {
      heldOut = Taxonomy.readJsonl(in, "heldout.jsonl");
    }
    var trainTexts = SharedModel.TAXONOMY.examples().stream().map(e -> e.text().strip()).toList();
    assertThat(heldOut).extracting(e -> e.text().strip()).doesNotContainAnyElementsOf(trainTexts);
  }
}
