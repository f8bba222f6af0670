package io.themewire.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** {@code GET /api/sources}: how each polled source is doing, in configured order. */
final class SourceController {

  private final Supplier<List<SourceStatus>> sources;

  /**
   * @param sources the current health of every source; called once per request, thread-safe
   */
  SourceController(Supplier<List<SourceStatus>> sources) {
    this.sources = Objects.requireNonNull(sources, "sources");
  }

  void list(Context ctx) {
    List<SourceStatus> all = List.copyOf(sources.get());
    long failing = all.stream().filter(s -> s.consecutiveFailures() > 0).count();
    ctx.json(new Body(all.size(), failing, all));
  }

  /** The response: counts first, then every source. */
  record Body(int total, long failing, List<SourceStatus> sources) {}
}
