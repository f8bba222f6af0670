package io.themewire.ingest.url;

import crawlercommons.filters.basic.BasicURLNormalizer;
import io.themewire.core.message.CanonicalUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the many links to one document into one {@link CanonicalUrl}: scheme and host lower-cased,
 * default ports, dot segments and percent-encoding normalised (crawler-commons), the fragment
 * dropped, and tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, ...) removed.
 * Thread-safe.
 *
 * <p>{@code http} and {@code https} are kept apart: a site may serve different things on each, and
 * the feed that links an item decides which one is canonical.
 */
public final class UrlCanonicalizer {

  private static final Pattern TRACKING =
      Pattern.compile(
          "(?i)^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|_hsenc|_hsmi|igshid"
              + "|ref_src|ref_url|cmpid|__twitter_impression|oly_[a-z_]+|vero_[a-z_]+|spm)$");

  private final BasicURLNormalizer normalizer = new BasicURLNormalizer();

  /**
   * The canonical form of {@code url} resolved against {@code base} (which may be null), or empty
   * when it is not an absolute http(s) URL after resolution.
   */
  public Optional<CanonicalUrl> canonicalize(String url, String base) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String trimmed = url.strip();
    try {
      URI uri = new URI(trimmed.replace(" ", "%20"));
      if (!uri.isAbsolute() && base != null && !base.isBlank()) {
        uri = new URI(base.strip()).resolve(uri);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return Optional.empty();
      }
      String normalised = normalizer.filter(uri.toString());
      if (normalised == null) {
        return Optional.empty();
      }
      return Optional.of(new CanonicalUrl(stripTrackingAndFragment(normalised)));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** As {@link #canonicalize(String, String)} without a base. */
  public Optional<CanonicalUrl> canonicalize(String url) {
    return canonicalize(url, null);
  }

  private static String stripTrackingAndFragment(String url) {
    int hash = url.indexOf('#');
    if (hash >= 0) {
      url = url.substring(0, hash);
    }
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : url.substring(q + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      if (!TRACKING.matcher(name).matches()) {
        kept.add(pair);
      }
    }
    return kept.isEmpty() ? url.substring(0, q) : url.substring(0, q + 1) + String.join("&", kept);
  }
}
