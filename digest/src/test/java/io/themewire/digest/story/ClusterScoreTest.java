package io.themewire.digest.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterScoreTest {

  @Test
  void perfectClustering_scoresOne() {
    Map<String, String> gold = Map.of("a", "x", "b", "x", "c", "y");
    Map<String, String> predicted = Map.of("a", "1", "b", "1", "c", "2");

    ClusterScore score = ClusterScore.of(gold, predicted);

    assertThat(score.pairwise()).isEqualTo(new ClusterScore.Prf(1, 1, 1));
    assertThat(score.bcubed()).isEqualTo(new ClusterScore.Prf(1, 1, 1));
  }

  @Test
  void everythingInOneStory_hasFullRecallAndLowPrecision() {
    // gold: {a,b} {c,d}; predicted: {a,b,c,d}. Pairs: 2 true of 6 predicted, 2 of 2 gold.
    Map<String, String> gold = Map.of("a", "x", "b", "x", "c", "y", "d", "y");
    Map<String, String> predicted = Map.of("a", "1", "b", "1", "c", "1", "d", "1");

    ClusterScore score = ClusterScore.of(gold, predicted);

    assertThat(score.pairwise().precision()).isCloseTo(2.0 / 6, within(1e-9));
    assertThat(score.pairwise().recall()).isEqualTo(1.0);
    // B-cubed: each item's predicted story (4) holds 2 of its group.
    assertThat(score.bcubed().precision()).isCloseTo(0.5, within(1e-9));
    assertThat(score.bcubed().recall()).isEqualTo(1.0);
  }

  @Test
  void itemsInOnlyOneMap_areIgnored() {
    Map<String, String> gold = Map.of("a", "x", "b", "x");
    Map<String, String> predicted = Map.of("a", "1", "b", "2", "z", "1");

    ClusterScore score = ClusterScore.of(gold, predicted);

    assertThat(score.items()).isEqualTo(2);
    assertThat(score.pairwise().recall()).isEqualTo(0.0);
    assertThat(score.bcubed().precision()).isEqualTo(1.0);
    assertThat(score.bcubed().recall()).isCloseTo(0.5, within(1e-9));
  }
}
