package io.themewire.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * robots.txt rules per site, read once a day: a 4xx allows everything, a 5xx or an unreadable file
 * defers the site and is asked again after {@link #RETRY}; a site the destination policy refuses
 * needs no rules (its pages are refused on the same grounds).
 */
final class RobotsCache {

  /** How long rules are kept. */
  static final Duration TTL = Duration.ofHours(24);

  /** How soon a site whose robots.txt could not be read is asked again. */
  static final Duration RETRY = Duration.ofMinutes(10);

  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, Cached> rules = new ConcurrentHashMap<>();
  private final String robotName;
  private final Clock clock;

  private record Cached(BaseRobotRules rules, Instant expires) {}

  RobotsCache(String robotName, Clock clock) {
    this.robotName = robotName;
    this.clock = clock;
  }

  /**
   * The rules of {@code uri}'s site, fetching its robots.txt with {@code get} when none are fresh.
   */
  BaseRobotRules rulesFor(URI uri, Function<String, FetchResult> get) {
    String site = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + HttpFetcher.hostKey(uri);
    Cached cached = rules.get(site);
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cached.expires())) {
      return cached.rules();
    }
    FetchResult r = get.apply(site + "/robots.txt");
    BaseRobotRules read;
    Duration ttl = TTL;
    if (r instanceof FetchResult.Fetched f) {
      read = parser.parseContent(f.finalUrl(), f.body(), f.contentType(), List.of(robotName));
    } else if (r instanceof FetchResult.Failed f
        && f.kind() == FailureKind.HTTP_STATUS
        && f.status() >= 400
        && f.status() < 500) {
      read = parser.failedFetch(f.status());
    } else if (r instanceof FetchResult.Failed f && !f.kind().retryable(f.status())) {
      // Refused by the policy or a bad URL: the page itself is refused on the same grounds.
      read = parser.failedFetch(404);
    } else {
      read = parser.failedFetch(503);
      ttl = RETRY;
    }
    rules.put(site, new Cached(read, now.plus(ttl)));
    return read;
  }
}
