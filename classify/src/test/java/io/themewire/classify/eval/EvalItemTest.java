package io.themewire.classify.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EvalItemTest {

  private static EvalItem item(String id) {
    return new EvalItem(id, "", "some text", "other", "");
  }

  @Test
  void half_dependsOnlyOnTheIdAndSplitsIdsRoughlyInTwo() {
    assertThat(item("d001").half()).isEqualTo(item("d001").half());
    assertThat(new EvalItem("d001", "a title", "other text", "ic-leadership", "blog").half())
        .isEqualTo(item("d001").half());
    long a =
        IntStream.rangeClosed(1, 300)
            .mapToObj(i -> item(String.format("d%03d", i)).half())
            .filter(h -> h == 'A')
            .count();
    assertThat(a).isBetween(120L, 180L);
    assertThat(IntStream.rangeClosed(1, 300).mapToObj(i -> item("x" + i).half()))
        .containsOnly('A', 'B');
  }
}
