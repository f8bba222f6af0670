package io.themewire.digest.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** RELIABILITY 46: the schedule keeps to the configured zone's wall clock across DST changes. */
class BriefingScheduleTest {

  private final BriefingSchedule berlin7 =
      new BriefingSchedule(LocalTime.parse("07:00"), ZoneId.of("Europe/Berlin"));

  @Test
  void beforeTheDaysRun_theDayBeforeYesterdayIsDue_afterItYesterday() {
    // 05:59 UTC is 06:59 in Berlin (CET, UTC+1) on 24 November
    assertThat(berlin7.dueDate(Instant.parse("2026-11-24T05:59:00Z")))
        .isEqualTo(LocalDate.parse("2026-11-22"));
    assertThat(berlin7.dueDate(Instant.parse("2026-11-24T06:00:00Z")))
        .isEqualTo(LocalDate.parse("2026-11-23"));
  }

  @Test
  void nextRun_followsTheWallClockAcrossTheAutumnChange() {
    // Clocks go back on 25 October 2026: 07:00 is 05:00 UTC before, 06:00 UTC after.
    assertThat(berlin7.nextRun(Instant.parse("2026-10-24T05:00:00Z")))
        .isEqualTo(Instant.parse("2026-10-25T06:00:00Z"));
    assertThat(berlin7.nextRun(Instant.parse("2026-10-23T06:00:00Z")))
        .isEqualTo(Instant.parse("2026-10-24T05:00:00Z"));
  }

  @Test
  void nextRun_followsTheWallClockAcrossTheSpringChange() {
    // Clocks go forward on 29 March 2026: 07:00 is 06:00 UTC before, 05:00 UTC after.
    assertThat(berlin7.nextRun(Instant.parse("2026-03-28T06:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-29T05:00:00Z"));
  }

  @Test
  void timeInsideTheSpringGap_runsJustAfterIt() {
    BriefingSchedule gap =
        new BriefingSchedule(LocalTime.parse("02:30"), ZoneId.of("Europe/Berlin"));
    // 02:30 does not exist on 29 March 2026 in Berlin; it resolves to 03:30 CEST = 01:30 UTC
    assertThat(gap.runOn(LocalDate.parse("2026-03-29")))
        .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
  }

  @Test
  void defaults_areSevenInTheMorningUtc() {
    assertThat(BriefingSchedule.defaults())
        .isEqualTo(new BriefingSchedule(LocalTime.of(7, 0), ZoneId.of("UTC")));
  }
}
