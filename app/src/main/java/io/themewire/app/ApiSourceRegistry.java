package io.themewire.app;

import io.themewire.api.SourceRegistry;
import io.themewire.api.SourceStatus;
import io.themewire.core.json.Json;
import io.themewire.ingest.fetch.FetchResult;
import io.themewire.ingest.fetch.HttpFetcher;
import io.themewire.ingest.schedule.PollSchedule;
import io.themewire.ingest.schedule.SourceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sources added through {@code POST /api/sources} while {@code themewire run} runs: checked against
 * the destination policy before anything is fetched, scheduled at once, and kept in {@code
 * DATA/sources-added.json} so they survive a restart. Thread-safe.
 */
final class ApiSourceRegistry implements SourceRegistry {

  static final String FILE = "sources-added.json";

  private final PollSchedule schedule;
  private final HttpFetcher fetcher;
  private final Path file;
  private final Clock clock;

  ApiSourceRegistry(PollSchedule schedule, HttpFetcher fetcher, Path dataDir, Clock clock) {
    this.schedule = schedule;
    this.fetcher = fetcher;
    this.file = dataDir.resolve(FILE);
    this.clock = clock;
  }

  @Override
  public synchronized SourceStatus add(String url) throws Rejected {
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new Rejected("bad-scheme", "only http(s) sources can be added");
    }
    Optional<FetchResult.Failed> refused = fetcher.refusal(url);
    if (refused.isPresent()) {
      throw new Rejected(refused.get().reason(), refused.get().message());
    }
    SourceConfig source = new SourceConfig(url, null, null);
    if (!schedule.add(source, clock.instant())) {
      throw new Rejected("duplicate", "the source is already polled");
    }
    List<String> added = new ArrayList<>(read(file));
    added.add(url);
    write(added);
    return ApiWiring.status(schedule.health(url));
  }

  /** Sources added in earlier runs, to be polled beside the configured ones. */
  static List<String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Arrays.asList(Json.mapper().readValue(file.toFile(), String[].class));
    } catch (IOException e) {
      throw new UserInputException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private void write(List<String> urls) {
    try {
      Path tmp = file.resolveSibling(FILE + ".tmp");
      Files.createDirectories(file.toAbsolutePath().getParent());
      Json.mapper().writeValue(tmp.toFile(), urls);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + file, e);
    }
  }
}
