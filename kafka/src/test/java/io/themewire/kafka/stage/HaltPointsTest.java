package io.themewire.kafka.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HaltPointsTest {

  @Test
  void unset_isNeverDue() {
    HaltPoints none = HaltPoints.parse(null);
    for (int i = 0; i < 5; i++) {
      assertThat(none.due("sink-after-commit")).isFalse();
    }
    assertThat(HaltPoints.parse("  ").due("sink-after-commit")).isFalse();
  }

  @Test
  void pointAndCount_isDueOnThatPassOfThatPointOnly() {
    HaltPoints p = HaltPoints.parse("sink-after-commit:3");
    assertThat(p.due("sink-before-commit")).isFalse();
    assertThat(p.due("sink-after-commit")).isFalse();
    assertThat(p.due("sink-after-commit")).isFalse();
    assertThat(p.due("sink-after-commit")).isTrue();
    assertThat(p.due("sink-after-commit")).isFalse();
  }

  @Test
  void pointAlone_meansTheFirstPass() {
    HaltPoints p = HaltPoints.parse("transform-before-commit");
    assertThat(p.due("transform-before-commit")).isTrue();
    assertThat(p.due("transform-before-commit")).isFalse();
  }

  @Test
  void badCount_isRejectedNamingTheVariable() {
    assertThatThrownBy(() -> HaltPoints.parse("sink-after-commit:x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("THEMEWIRE_HALT_AT")
        .hasMessageContaining("POINT:N");
    assertThatThrownBy(() -> HaltPoints.parse("sink-after-commit:0"))
        .hasMessageContaining("at least 1");
  }
}
