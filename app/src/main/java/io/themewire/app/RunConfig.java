package io.themewire.app;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.themewire.digest.briefing.BriefingSchedule;
import io.themewire.ingest.schedule.SourceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration of {@code themewire run}, read once from a YAML file:
 *
 * <pre>{@code
 * sources:                       # required, 1 to 1000 entries
 *   - url: https://example.org/feed.xml   # an http(s) URL ...
 *     interval: 30m              # optional, default 30m; 1m to 7d
 *     name: Example blog         # optional
 *   - path: feeds/local.xml      # ... or a file, relative to this file's folder
 *     interval: 1h
 * port: 8080                     # optional, default 8080; 0 picks a free port
 * host: 127.0.0.1                # optional, default 127.0.0.1
 * data: data                     # optional, default ./data; relative to this file's folder
 * digest:                        # optional: when the daily briefing is written
 *   time: "07:00"                # optional, default 07:00 (HH:MM, local time in zone)
 *   zone: Europe/Berlin          # optional, default UTC; also the zone of the briefing's days
 * }</pre>
 *
 * <p>An interval is either a number and a unit — {@code 90s}, {@code 30m}, {@code 1h}, {@code 1d} —
 * or several of them in the order d, h, m, s ({@code 1h30m}), or an ISO-8601 duration as {@link
 * Duration#parse} reads it ({@code PT30M}). Command-line options win over the file.
 *
 * @param sources what to poll, in display order; never empty, no location twice
 * @param port where to serve, or null for the command's default
 * @param host the address to bind, or null for the command's default
 * @param data the data folder, absolute, or null for the command's default
 * @param digest when the daily briefing of the day before is written; never null
 */
record RunConfig(
    List<SourceConfig> sources, Integer port, String host, Path data, BriefingSchedule digest) {

  /** The most sources one process polls. */
  static final int MAX_SOURCES = 1000;

  /** The largest config file read. */
  static final int MAX_FILE_BYTES = 1024 * 1024;

  private static final Set<String> TOP_KEYS = Set.of("sources", "port", "host", "data", "digest");
  private static final Set<String> DIGEST_KEYS = Set.of("time", "zone");
  private static final Set<String> SOURCE_KEYS = Set.of("url", "path", "interval", "name");
  private static final Pattern SIMPLE_INTERVAL =
      Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,6})s)?");
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  RunConfig {
    Objects.requireNonNull(sources, "sources");
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("at least one source is required");
    }
    if (port != null && (port < 0 || port > 65535)) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (host != null && host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    digest = digest == null ? BriefingSchedule.defaults() : digest;
  }

  /** A config with the default briefing schedule. */
  RunConfig(List<SourceConfig> sources, Integer port, String host, Path data) {
    this(sources, port, host, data, null);
  }

  /**
   * Reads and checks a config file. Every problem is reported at once, on one line.
   *
   * @throws UserInputException when the file is missing, unreadable, not YAML, or breaks a rule;
   *     the message names the file, each key, its value and the rule
   */
  static RunConfig load(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new UserInputException("no such config file: " + file);
    } catch (IOException e) {
      throw new UserInputException("cannot read config file " + file + ": " + e.getMessage());
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new UserInputException(
          file + ": larger than " + MAX_FILE_BYTES + " bytes; is this the config file?");
    }
    return parse(bytes, file);
  }

  /**
   * Checks a config's text.
   *
   * @param file names the config in messages; relative paths in it resolve against its folder
   */
  static RunConfig parse(byte[] yaml, Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
      throw new UserInputException(file + ": not valid YAML: " + oneLine(message));
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read: " + oneLine(e.getMessage()));
    }
    Path base = file.toAbsolutePath().getParent();
    List<String> problems = new ArrayList<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new UserInputException(
          file + ": sources: missing; the config needs a list of sources, each with url or path");
    }
    if (!root.isObject()) {
      throw new UserInputException(
          file + ": the config must be a mapping with a 'sources' list, not " + kind(root));
    }
    unknownKeys(root, TOP_KEYS, "", problems);
    List<SourceConfig> sources = readSources(root.get("sources"), base, problems);
    Integer port = readPort(root.get("port"), problems);
    String host = text(root.get("host"), "host", problems);
    if (host != null && host.isBlank()) {
      problems.add("host: is blank");
    }
    String data = text(root.get("data"), "data", problems);
    Path dataDir = null;
    if (data != null) {
      try {
        dataDir = base.resolve(data).normalize();
      } catch (IllegalArgumentException e) {
        problems.add("data: '" + shown(data) + "' is not a valid path");
      }
    }
    BriefingSchedule digest = readDigest(root.get("digest"), problems);
    if (!problems.isEmpty()) {
      throw new UserInputException(file + ": " + String.join("; ", problems));
    }
    return new RunConfig(sources, port, host == null ? null : host.strip(), dataDir, digest);
  }

  private static List<SourceConfig> readSources(JsonNode node, Path base, List<String> problems) {
    List<SourceConfig> sources = new ArrayList<>();
    if (node == null || node.isNull()) {
      problems.add("sources: missing; a list of sources, each with url or path, is required");
      return sources;
    }
    if (!node.isArray()) {
      problems.add("sources: must be a list of sources, not " + kind(node));
      return sources;
    }
    if (node.isEmpty()) {
      problems.add("sources: is empty; at least one source is required");
      return sources;
    }
    if (node.size() > MAX_SOURCES) {
      problems.add("sources: has " + node.size() + " entries; at most " + MAX_SOURCES);
      return sources;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < node.size(); i++) {
      String key = "sources[" + i + "]";
      JsonNode entry = node.get(i);
      if (!entry.isObject()) {
        problems.add(key + ": must be a mapping with url or path, not " + kind(entry));
        continue;
      }
      int before = problems.size();
      unknownKeys(entry, SOURCE_KEYS, key + ".", problems);
      String location = readLocation(entry, key, base, problems);
      Duration interval = readInterval(entry.get("interval"), key + ".interval", problems);
      JsonNode nameNode = entry.get("name");
      String name = null;
      if (nameNode != null && !nameNode.isNull()) {
        if (!nameNode.isValueNode()) {
          problems.add(key + ".name: must be text, not " + kind(nameNode));
        } else {
          name = nameNode.asText();
        }
      }
      if (location != null) {
        Integer first = seen.putIfAbsent(location, i);
        if (first != null) {
          problems.add(key + ": '" + shown(location) + "' is already sources[" + first + "]");
        }
      }
      if (problems.size() == before) {
        sources.add(new SourceConfig(location, interval, name));
      }
    }
    return sources;
  }

  private static String readLocation(JsonNode entry, String key, Path base, List<String> problems) {
    String url = text(entry.get("url"), key + ".url", problems);
    String path = text(entry.get("path"), key + ".path", problems);
    if (url != null && path != null) {
      problems.add(key + ": has both url and path; give one");
      return null;
    }
    if (url == null && path == null) {
      if (entry.get("url") == null && entry.get("path") == null) {
        problems.add(key + ": has neither url nor path; give one");
      }
      return null;
    }
    if (url != null) {
      String u = url.strip();
      try {
        URI uri = URI.create(u);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
          problems.add(key + ".url: '" + shown(u) + "' is not an http(s) URL");
          return null;
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
          problems.add(key + ".url: '" + shown(u) + "' has no host");
          return null;
        }
      } catch (IllegalArgumentException e) {
        problems.add(key + ".url: '" + shown(u) + "' is not a valid URL");
        return null;
      }
      return u;
    }
    if (path.isBlank()) {
      problems.add(key + ".path: is blank");
      return null;
    }
    try {
      return base.resolve(path.strip()).normalize().toString();
    } catch (IllegalArgumentException e) {
      problems.add(key + ".path: '" + shown(path) + "' is not a valid path");
      return null;
    }
  }

  private static Duration readInterval(JsonNode node, String key, List<String> problems) {
    if (node == null) {
      return SourceConfig.DEFAULT_INTERVAL;
    }
    String rule = " is not an interval; write a number and a unit (90s, 30m, 1h, 1d) or PT30M";
    if (!node.isTextual()) {
      problems.add(key + ": " + (node.isNull() ? "(empty)" : shown(node.toString())) + rule);
      return null;
    }
    String text = node.asText();
    Duration interval = parseInterval(text);
    if (interval == null) {
      problems.add(key + ": '" + shown(text) + "'" + rule);
      return null;
    }
    if (interval.compareTo(SourceConfig.MIN_INTERVAL) < 0) {
      problems.add(key + ": '" + shown(text) + "' is too short; the minimum is 1m");
      return null;
    }
    if (interval.compareTo(SourceConfig.MAX_INTERVAL) > 0) {
      problems.add(key + ": '" + shown(text) + "' is too long; the maximum is 7d");
      return null;
    }
    return interval;
  }

  /**
   * An interval as {@code 90s}, {@code 30m}, {@code 1h}, {@code 1d}, combinations in that order
   * ({@code 1h30m}), or ISO-8601 ({@code PT30M}); null when it is none of these.
   */
  static Duration parseInterval(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("p") || t.startsWith("-p") || t.startsWith("+p")) {
      try {
        return Duration.parse(t);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher m = SIMPLE_INTERVAL.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      return null;
    }
    long[] seconds = {86_400, 3_600, 60, 1};
    Duration d = Duration.ZERO;
    for (int g = 1; g <= 4; g++) {
      if (m.group(g) != null) {
        d = d.plusSeconds(Long.parseLong(m.group(g)) * seconds[g - 1]);
      }
    }
    return d;
  }

  /** The {@code digest} mapping: {@code time} (HH:MM) and {@code zone}, each with its default. */
  private static BriefingSchedule readDigest(JsonNode node, List<String> problems) {
    if (node == null || node.isNull()) {
      return BriefingSchedule.defaults();
    }
    if (!node.isObject()) {
      problems.add("digest: must be a mapping with time and zone, not " + kind(node));
      return null;
    }
    unknownKeys(node, DIGEST_KEYS, "digest.", problems);
    LocalTime time = LocalTime.parse(BriefingSchedule.DEFAULT_TIME);
    String t = text(node.get("time"), "digest.time", problems);
    if (t != null) {
      try {
        time = LocalTime.parse(t.strip(), DateTimeFormatter.ofPattern("H:mm"));
      } catch (DateTimeParseException e) {
        problems.add("digest.time: '" + shown(t) + "' is not a time of day like 07:00");
      }
    }
    ZoneId zone = ZoneId.of(BriefingSchedule.DEFAULT_ZONE);
    String z = text(node.get("zone"), "digest.zone", problems);
    if (z != null) {
      try {
        zone = ZoneId.of(z.strip());
      } catch (DateTimeException e) {
        problems.add(
            "digest.zone: '" + shown(z) + "' is not a time zone like UTC or Europe/Berlin");
      }
    }
    return new BriefingSchedule(time, zone);
  }

  private static Integer readPort(JsonNode node, List<String> problems) {
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problems.add("port: " + shown(node.toString()) + " is not a whole number 0..65535");
      return null;
    }
    int port = node.intValue();
    if (port < 0 || port > 65535) {
      problems.add("port: " + port + " is outside 0..65535");
      return null;
    }
    return port;
  }

  /** The text of a scalar, or null when absent; anything but text is a problem. */
  private static String text(JsonNode node, String key, List<String> problems) {
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      problems.add(
          key + ": must be text, not " + (node.isNull() ? "empty" : shown(node.toString())));
      return null;
    }
    return node.asText();
  }

  private static void unknownKeys(
      JsonNode node, Set<String> allowed, String prefix, List<String> problems) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        problems.add(
            prefix
                + shown(name)
                + ": unknown key (allowed: "
                + String.join(", ", allowed.stream().sorted().toList())
                + ")");
      }
    }
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    return "'" + shown(node.asText()) + "'";
  }

  /** A value as a message shows it: on one line, at most 80 characters. */
  private static String shown(String value) {
    String v = value.replaceAll("\\s+", " ").strip();
    return v.length() <= 80 ? v : v.substring(0, 77) + "...";
  }

  private static String oneLine(String message) {
    return message == null ? "" : shown(message.lines().findFirst().orElse(""));
  }
}
