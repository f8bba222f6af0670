package io.themewire.classify.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void fit_mapsScoresToHowOftenTheyWereRight() {
    // Scores of 0.9 right half the time, scores of 0.5 right one time in ten: overconfident.
    int n = 2000;
    double[] scores = new double[n];
    boolean[] right = new boolean[n];
    Random r = new Random(1);
    for (int i = 0; i < n; i++) {
      boolean high = i % 2 == 0;
      scores[i] = high ? 0.9 : 0.5;
      right[i] = r.nextDouble() < (high ? 0.5 : 0.1);
    }
    Calibration c = Calibration.fit(scores, right);
    assertThat(c.apply(0.9)).isCloseTo(0.5, within(0.05));
    assertThat(c.apply(0.5)).isCloseTo(0.1, within(0.05));
    assertThat(c.apply(0.7)).isBetween(c.apply(0.5), c.apply(0.9));
  }

  @Test
  void fit_neverDecreasesWithTheScore() {
    int n = 500;
    double[] scores = new double[n];
    boolean[] right = new boolean[n];
    Random r = new Random(2);
    for (int i = 0; i < n; i++) {
      scores[i] = r.nextDouble();
      right[i] = r.nextDouble() < scores[i] * scores[i];
    }
    Calibration c = Calibration.fit(scores, right);
    double last = -1;
    for (double s = 0; s <= 1.0; s += 0.01) {
      assertThat(c.apply(s)).isGreaterThanOrEqualTo(last).isBetween(0.0, 1.0);
      last = c.apply(s);
    }
  }
}
