package io.themewire.app;

import io.themewire.api.AnalyticsRoutes;
import io.themewire.api.ApiServer;
import io.themewire.api.ItemIntake;
import io.themewire.api.ItemRoutes;
import io.themewire.api.PageRoutes;
import io.themewire.api.SourceStatus;
import io.themewire.api.StoryRoutes;
import io.themewire.api.ThemeInfo;
import io.themewire.index.ArticleReader;
import io.themewire.ingest.schedule.SourceHealth;
import java.util.List;

/**
 * The API as the application serves it: the one place where every route group ({@code
 * ApiServer.Options.withRoutes}) and readiness check is added, used by {@code serve} and {@code
 * run} alike, and by the test that checks every registered route is described in openapi.yaml. Add
 * a new route group here, not in a command.
 */
final class ApiWiring {

  private ApiWiring() {}

  /** The options every server of the app starts with, over {@code reader}. */
  static ApiServer.Options options(Wiring wiring, ArticleReader reader) {
    return ApiServer.Options.of(wiring.themeInfos())
        .withMetrics(wiring.meters())
        .withRoutes(
            new StoryRoutes(
                reader,
                wiring.themeInfos().stream().map(ThemeInfo::id).toList(),
                java.time.Clock.systemUTC()))
        .withRoutes(new io.themewire.api.DigestRoutes(wiring.briefings(reader)))
        .withRoutes(new AnalyticsRoutes(reader, wiring.themeInfos()))
        .withRoutes(PageRoutes.bundled());
  }

  /** The source health as the API shows it. */
  static List<SourceStatus> statuses(List<SourceHealth> health) {
    return health.stream().map(ApiWiring::status).toList();
  }

  static SourceStatus status(SourceHealth h) {
    SourceHealth.LastError e = h.lastError();
    return new SourceStatus(
        h.location(),
        h.name(),
        h.lastSuccess(),
        e == null ? null : new SourceStatus.LastError(e.reason(), e.message(), e.at()),
        h.itemsSeen(),
        h.consecutiveFailures(),
        h.nextPoll());
  }

  /**
   * {@code options} plus the routes a process that writes the index adds ({@code run}): {@code POST
   * /api/items} through {@code intake}, behind the settings' API key.
   */
  static ApiServer.Options writable(ApiServer.Options options, Wiring wiring, ItemIntake intake) {
    return options.withRoutes(new ItemRoutes(intake, wiring.settings().apiKey()));
  }
}
