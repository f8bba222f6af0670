package io.themewire.digest.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFeaturesTest {

  private static String key(String word) {
    return TextFeatures.tokens(word).get(0).key();
  }

  @Test
  void numbers_haveOneKeyWhicheverConventionWroteThem() {
    assertThat(key("1,200")).isEqualTo(key("1.200")).isEqualTo(key("1200")).isEqualTo("1200");
    assertThat(key("120,000")).isEqualTo(key("120.000")).isEqualTo("120000");
    assertThat(key("1,250,000")).isEqualTo(key("1.250.000")).isEqualTo("1250000");
    assertThat(key("6,8")).isEqualTo(key("6.8")).isEqualTo("6.8");
    assertThat(key("4.75")).isEqualTo(key("4,75")).isEqualTo("4.75");
    assertThat(key("3.40pm")).isEqualTo("3.40pm");
    assertThat(key("2-1")).isEqualTo("2-1");
    assertThat(key("1,200")).isNotEqualTo(key("1.2"));
  }
}
