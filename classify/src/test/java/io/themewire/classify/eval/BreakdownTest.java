package io.themewire.classify.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakdownTest {

  private static final List<List<String>> OPPOSITE = List.of(List.of("a2b", "b2a"));

  @Test
  void of_splitsTransitionOutcomesLengthsAndRegisters() {
    String longText = "word ".repeat(45);
    List<EvalItem> items =
        List.of(
            new EvalItem("1", "", "short one", "a2b", "blog"),
            new EvalItem("2", "", "short two", "a2b", "blog"),
            new EvalItem("3", "", longText, "b2a", "news"),
            new EvalItem("4", "", longText, "b2a", "news"),
            new EvalItem("5", "", "short five", "x", "blog"));
    List<String> predicted = List.of("a2b", "b2a", "x", "b2a", "x");

    Breakdown b = Breakdown.of(items, predicted, OPPOSITE);

    assertThat(b.transitionItems()).isEqualTo(4);
    assertThat(b.rightTransition()).isEqualTo(2);
    assertThat(b.swapped()).isEqualTo(1);
    assertThat(b.shortItems()).isEqualTo(3);
    assertThat(b.shortAccuracy()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(b.longAccuracy()).isCloseTo(0.5, within(1e-9));
    assertThat(b.perRegister()).containsOnlyKeys("blog", "news");
    assertThat(b.perRegister().get("news").accuracy()).isCloseTo(0.5, within(1e-9));
    assertThat(b.report())
        .contains("right transition 2 (0.500), swapped 1 (25.0%), other theme 1 (25.0%)")
        .contains("short texts (< 40 words) 0.667 of 3")
        .contains("register");
  }

  @Test
  void read_takesTitleAndRegisterAndNamesABadLine() throws Exception {
    String jsonl =
        "{\"id\":\"d1\",\"title\":\"T\",\"text\":\"body\",\"label\":\"x\",\"register\":\"blog\","
            + "\"url\":\"u\"}\n\n{\"id\":\"d2\",\"text\":\"\",\"label\":\"x\"}\n";

    var in = new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EvalItem.read(in, "f.jsonl"))
        .hasMessageContaining("f.jsonl:3");
    EvalItem one =
        EvalItem.read(
                new ByteArrayInputStream(
                    jsonl.lines().findFirst().orElseThrow().getBytes(StandardCharsets.UTF_8)),
                "f.jsonl")
            .get(0);
    assertThat(one.fullText()).isEqualTo("T\n\nbody");
    assertThat(one.register()).isEqualTo("blog");
  }
}
