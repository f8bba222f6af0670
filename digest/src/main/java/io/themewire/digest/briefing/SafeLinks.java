package io.themewire.digest.briefing;

import java.net.URI;
import java.util.Locale;

/** Which links a briefing may carry: absolute http(s) URLs with a host, nothing else. */
final class SafeLinks {

  private SafeLinks() {}

  /**
   * Whether {@code url} is an absolute {@code http:} or {@code https:} URL with a host and no
   * whitespace or control characters (which browsers strip, turning {@code ja\tvascript:} into a
   * script).
   */
  static boolean isHttp(String url) {
    if (url == null || url.isEmpty() || url.length() > 4096) {
      return false;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)) {
        return false;
      }
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty();
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** The host of an http(s) URL in lower case without {@code www.}, or null. */
  static String siteOf(String url) {
    if (!isHttp(url)) {
      return null;
    }
    String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }
}
