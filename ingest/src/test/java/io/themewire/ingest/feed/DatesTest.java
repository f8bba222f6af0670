package io.themewire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Mon, 02 Nov 2026 09:15:00 EDT          | 2026-11-02T13:15:00Z
          Mon, 02 Nov 2026 09:15:00 GMT          | 2026-11-02T09:15:00Z
          Mon, 02 Nov 2026 09:15:00 UT           | 2026-11-02T09:15:00Z
          Mon, 02 Nov 2026 09:15:00 Z            | 2026-11-02T09:15:00Z
          Thu, 05 Feb 2026 09:15:00 PST          | 2026-02-05T17:15:00Z
          Thu, 06 Aug 2026 09:15 EDT             | 2026-08-06T13:15:00Z
          2 Nov 2026 09:15 +0100                 | 2026-11-02T08:15:00Z
          Mon, 02 Nov 26 09:15:00 GMT            | 2026-11-02T09:15:00Z
          Tue, 02 Nov 99 09:15:00 GMT            | 1999-11-02T09:15:00Z
          Tue, 02 Nov 2026 09:15:00 -0500        | 2026-11-02T14:15:00Z
          Tue, 02 Nov 2026 09:15:00 +05:30       | 2026-11-02T03:45:00Z
          Tue, 02 Nov 2026 09:15:00 A            | 2026-11-02T09:15:00Z
          Tue, 02 Nov 2026 09:15:00              | 2026-11-02T09:15:00Z
          Tue, 02 Nov 2026 09:15:00 -0500 (EST)  | 2026-11-02T14:15:00Z
          Sun, 02 November 2026 09:15:00 GMT     | 2026-11-02T09:15:00Z
          mer, 12 nov 2025 10:00:00 +0100        | 2025-11-12T09:00:00Z
          02 Nov 2026                            | 2026-11-02T00:00:00Z
          2026-11-02T09:15:00Z                   | 2026-11-02T09:15:00Z
          2026-11-02T09:15Z                      | 2026-11-02T09:15:00Z
          2026-11-02T09:15:00+02:00              | 2026-11-02T07:15:00Z
          2026-11-02T09:15:00+0200               | 2026-11-02T07:15:00Z
          2026-11-02T09:15:00+02                 | 2026-11-02T07:15:00Z
          2026-11-02T09:15:00-04:00              | 2026-11-02T13:15:00Z
          2026-11-02T09:15:00.123Z               | 2026-11-02T09:15:00.123Z
          2026-11-02T09:15:00.123456789+00:00    | 2026-11-02T09:15:00.123456789Z
          2026-11-02t09:15:00z                   | 2026-11-02T09:15:00Z
          2026-11-02 09:15:00                    | 2026-11-02T09:15:00Z
          2026-11-02 09:15                       | 2026-11-02T09:15:00Z
          2026-11-02T09:15:00                    | 2026-11-02T09:15:00Z
          2026-11-02                             | 2026-11-02T00:00:00Z
          2026-11-02T09:15:00+01:00[Europe/Paris] | 2026-11-02T08:15:00Z
          """)
  void parse_readsTheFormsFeedsUseAsUtc(String text, String expected) {
    assertThat(Dates.parse(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "next Tuesday",
        "2026-13-02",
        "2026-11-02T25:00:00Z",
        "Mon, 32 Nov 2026 09:15:00 GMT",
        "Mon, 02 Nov 2026 09:15:00 NOWHERE",
        "Sat, Dec 25 2021 10:00:00 PM"
      })
  void parse_isEmptyForWhatIsNotADate(String text) {
    assertThat(Dates.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "   ",
        "2026-11-02T09:15:00Z, which is when the post went up, give or take a day or two"
      })
  void parse_isEmptyForBlankOrOverlongText(String text) {
    assertThat(Dates.parse(text)).isEmpty();
  }
}
