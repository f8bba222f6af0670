package io.themewire.core.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * An absolute http(s) URL in canonical form (see {@code ingest.url.UrlCanonicalizer}): the same
 * document reached by different links has one canonical URL, and so one {@link ItemId}.
 *
 * <p>This type only checks that the value is an absolute http or https URI of at most 4096
 * characters; other schemes ({@code file:}, {@code javascript:}, ...) are rejected, so a canonical
 * URL is always safe to fetch or render as a link.
 */
public record CanonicalUrl(@JsonValue String value) {

  /** Reads a value as written by {@link #value()}; used by the JSON codecs. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CanonicalUrl parse(String value) {
    return new CanonicalUrl(value);
  }

  public static final int MAX_LENGTH = 4096;

  public CanonicalUrl {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("URL longer than " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "only http and https URLs are accepted, got '" + scheme + ":'");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("URL has no host: " + value);
    }
  }

  /** The host name, lower case. */
  public String host() {
    return URI.create(value).getHost().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
