package io.themewire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DayWindowTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  // RELIABILITY row 46
  @Test
  void window_itemsJustBeforeAndAfterMidnightLandOnTheirOwnDays() {
    DayWindow nov10 = new DayWindow(LocalDate.of(2026, 11, 10), NEW_YORK);

    Instant lastMinute = Instant.parse("2026-11-11T04:59:00Z"); // 23:59 in New York
    Instant firstMinute = Instant.parse("2026-11-11T05:01:00Z"); // 00:01 the next day

    assertThat(nov10.contains(lastMinute)).isTrue();
    assertThat(nov10.contains(firstMinute)).isFalse();
    assertThat(DayWindow.of(firstMinute, NEW_YORK).date()).isEqualTo(LocalDate.of(2026, 11, 11));
  }

  @Test
  void window_onDaylightSavingChangesIsNot24Hours() {
    DayWindow fallBack = new DayWindow(LocalDate.of(2026, 11, 1), NEW_YORK);
    DayWindow springForward = new DayWindow(LocalDate.of(2026, 3, 8), NEW_YORK);

    assertThat(Duration.between(fallBack.start(), fallBack.end())).isEqualTo(Duration.ofHours(25));
    assertThat(Duration.between(springForward.start(), springForward.end()))
        .isEqualTo(Duration.ofHours(23));
  }

  // RELIABILITY row 46
  @Test
  void window_dependsOnTheZone() {
    Instant t = Instant.parse("2026-11-10T23:30:00Z");
    assertThat(DayWindow.of(t, ZoneId.of("UTC")).date()).isEqualTo(LocalDate.of(2026, 11, 10));
    assertThat(DayWindow.of(t, ZoneId.of("Europe/Berlin")).date())
        .isEqualTo(LocalDate.of(2026, 11, 11));
  }
}
