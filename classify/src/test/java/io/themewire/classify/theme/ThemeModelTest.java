package io.themewire.classify.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.themewire.classify.taxonomy.LabelledText;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThemeModelTest {

  @Test
  void scorer_givesExactlyTheProbabilitiesOfCoreNlpsClassifier() {
    for (LabelledText e : SharedModel.TAXONOMY.examples().subList(0, 50)) {
      Set<String> features =
          Features.of(SharedModel.ANNOTATOR, SharedModel.ANNOTATOR.annotate(e.text()));
      Map<String, Double> fast = SharedModel.MODEL.scorerProbabilities(features);
      Map<String, Double> reference = SharedModel.MODEL.referenceProbabilities(features);
      assertThat(fast.keySet()).isEqualTo(reference.keySet());
      reference.forEach(
          (label, p) -> assertThat(fast.get(label)).as(label).isCloseTo(p, within(1e-9)));
    }
  }

  @Test
  void probabilities_sumToOne_andUnknownFeaturesAreHarmless() {
    Map<String, Double> p =
        SharedModel.MODEL.probabilities(Set.of("w:zzzz-never-seen", "b:<s>_qqq"));
    assertThat(p.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, within(1e-9));
    assertThat(p).containsOnlyKeys(SharedModel.TAXONOMY.themeIds());
  }
}
