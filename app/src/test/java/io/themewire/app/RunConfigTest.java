package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themewire.ingest.schedule.SourceConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunConfigTest {

  static final Path FILE = Path.of("/etc/themewire/run.yaml");

  static RunConfig parse(String yaml) {
    return RunConfig.parse(yaml.getBytes(StandardCharsets.UTF_8), FILE);
  }

  static void assertRejected(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(UserInputException.class)
        .hasMessage(FILE + ": " + message);
  }

  @Test
  void parse_fullConfig_resolvesPathsAgainstTheConfigFolder() {
    RunConfig config =
        parse(
            """
            sources:
              - url: https://example.org/feed.xml
                name: Example blog
              - path: feeds/local.xml
                interval: 1h30m
              - url: http://news.example/atom
                interval: PT2H
            port: 9090
            host: 0.0.0.0
            data: ../../var/themewire
            """);

    assertThat(config)
        .isEqualTo(
            new RunConfig(
                List.of(
                    new SourceConfig(
                        "https://example.org/feed.xml", Duration.ofMinutes(30), "Example blog"),
                    new SourceConfig(
                        "/etc/themewire/feeds/local.xml", Duration.ofMinutes(90), null),
                    new SourceConfig("http://news.example/atom", Duration.ofHours(2), null)),
                9090,
                "0.0.0.0",
                Path.of("/var/themewire")));
  }

  @Test
  void parse_onlySources_leavesTheRestToTheCommand() {
    RunConfig config = parse("sources:\n  - path: /srv/feed.xml\n");

    assertThat(config)
        .isEqualTo(new RunConfig(List.of(SourceConfig.of("/srv/feed.xml")), null, null, null));
  }

  @Test
  void parseInterval_simpleAndIsoForms() {
    assertThat(RunConfig.parseInterval("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(RunConfig.parseInterval("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(RunConfig.parseInterval("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(RunConfig.parseInterval("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(RunConfig.parseInterval("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(RunConfig.parseInterval(" 2H ")).isEqualTo(Duration.ofHours(2));
    assertThat(RunConfig.parseInterval("PT30M")).isEqualTo(Duration.ofMinutes(30));
    assertThat(RunConfig.parseInterval("pt1h")).isEqualTo(Duration.ofHours(1));
    assertThat(RunConfig.parseInterval("")).isNull();
    assertThat(RunConfig.parseInterval("30")).isNull();
    assertThat(RunConfig.parseInterval("30 minutes")).isNull();
    assertThat(RunConfig.parseInterval("30m1h")).isNull();
    assertThat(RunConfig.parseInterval("PT")).isNull();
  }

  @Test
  void parse_unknownKey_namesItAndWhatIsAllowed() {
    assertRejected(
        "sources:\n  - url: https://example.org/feed.xml\n    type: rss\n",
        "sources[0].type: unknown key (allowed: interval, name, path, url)");
    assertRejected(
        "sources:\n  - url: https://example.org/feed.xml\nschedule: hourly\n",
        "schedule: unknown key (allowed: data, digest, host, port, sources)");
  }

  @Test
  void parse_intervalOutOfBoundsOrMalformed_namesKeyValueAndRule() {
    assertRejected(
        "sources:\n  - path: a.xml\n    interval: 0m\n",
        "sources[0].interval: '0m' is too short; the minimum is 1m");
    assertRejected(
        "sources:\n  - path: a.xml\n    interval: 30s\n",
        "sources[0].interval: '30s' is too short; the minimum is 1m");
    assertRejected(
        "sources:\n  - path: a.xml\n    interval: 8d\n",
        "sources[0].interval: '8d' is too long; the maximum is 7d");
    assertRejected(
        "sources:\n  - path: a.xml\n    interval: soon\n",
        "sources[0].interval: 'soon' is not an interval; write a number and a unit"
            + " (90s, 30m, 1h, 1d) or PT30M");
    assertRejected(
        "sources:\n  - path: a.xml\n    interval: 30\n",
        "sources[0].interval: 30 is not an interval; write a number and a unit"
            + " (90s, 30m, 1h, 1d) or PT30M");
  }

  @Test
  void parse_missingOrEmptySources_isRefused() {
    assertRejected(
        "port: 8080\n", "sources: missing; a list of sources, each with url or path, is required");
    assertRejected("sources: []\n", "sources: is empty; at least one source is required");
    assertRejected(
        "", "sources: missing; the config needs a list of sources, each with url or path");
  }

  @Test
  void parse_badSources_areAllReportedOnOneLine() {
    assertRejected(
        """
        sources:
          - url: ftp://example.org/feed.xml
          - url: https://example.org/a
            path: a.xml
          - name: nothing to poll
          - url: https://example.org/b
          - url: https://example.org/b
        port: 70000
        """,
        "sources[0].url: 'ftp://example.org/feed.xml' is not an http(s) URL;"
            + " sources[1]: has both url and path; give one;"
            + " sources[2]: has neither url nor path; give one;"
            + " sources[4]: 'https://example.org/b' is already sources[3];"
            + " port: 70000 is outside 0..65535");
  }

  @Test
  void parse_notYaml_orDuplicateKeys_isRefused() {
    assertThatThrownBy(() -> parse("sources: [\n"))
        .isInstanceOf(UserInputException.class)
        .hasMessageStartingWith(FILE + ": not valid YAML: ");
    assertThatThrownBy(() -> parse("sources:\n  - path: a.xml\nport: 1\nport: 2\n"))
        .isInstanceOf(UserInputException.class)
        .hasMessageStartingWith(FILE + ": not valid YAML: ")
        .hasMessageContaining("port");
    assertRejected(
        "- path: a.xml\n", "the config must be a mapping with a 'sources' list, not a list");
  }
}
