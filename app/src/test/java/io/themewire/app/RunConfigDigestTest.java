package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themewire.digest.briefing.BriefingSchedule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The {@code digest} key of the run config: when the daily briefing is written. */
class RunConfigDigestTest {

  private static RunConfig parse(String yaml) {
    return RunConfig.parse(yaml.getBytes(StandardCharsets.UTF_8), Path.of("/srv/run.yaml"));
  }

  @Test
  void withoutDigest_theBriefingIsWrittenAtSevenUtc() {
    assertThat(parse("sources: [{path: f.xml}]\n").digest())
        .isEqualTo(BriefingSchedule.defaults())
        .isEqualTo(new BriefingSchedule(LocalTime.of(7, 0), ZoneId.of("UTC")));
  }

  @Test
  void digest_timeAndZone_areRead_eachDefaultingAlone() {
    assertThat(
            parse("sources: [{path: f.xml}]\ndigest: {time: \"06:30\", zone: Europe/Berlin}\n")
                .digest())
        .isEqualTo(new BriefingSchedule(LocalTime.of(6, 30), ZoneId.of("Europe/Berlin")));
    assertThat(parse("sources: [{path: f.xml}]\ndigest: {zone: America/New_York}\n").digest())
        .isEqualTo(new BriefingSchedule(LocalTime.of(7, 0), ZoneId.of("America/New_York")));
  }

  @Test
  void badDigest_isOneLineNamingEveryKeyAtOnce() {
    assertThatThrownBy(
            () ->
                parse(
                    "sources: [{path: f.xml}]\n"
                        + "digest: {time: \"25:99\", zone: Mars/Olympus, when: daily}\n"))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("digest.time: '25:99' is not a time of day like 07:00")
        .hasMessageContaining("digest.zone: 'Mars/Olympus' is not a time zone")
        .hasMessageContaining("digest.when: unknown key")
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
  }

  @Test
  void unquotedTime_isReadAsATimeOfDay() {
    assertThat(parse("sources: [{path: f.xml}]\ndigest: {time: 7:00}\n").digest().time())
        .isEqualTo(LocalTime.of(7, 0));
  }
}
