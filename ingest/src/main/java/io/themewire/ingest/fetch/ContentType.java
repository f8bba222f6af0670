package io.themewire.ingest.fetch;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP {@code Content-Type} value, parsed once: the media type and its {@code charset}
 * parameter.
 *
 * @param mediaType lower-case {@code type/subtype}, or empty
 * @param charset the charset name as given (unquoted), or null
 */
public record ContentType(String mediaType, String charset) {

  private static final Pattern CHARSET_PARAM =
      Pattern.compile("(?i)(?:^|;)\\s*charset\\s*=\\s*[\"']?([^\\s;\"']+)");

  /** No Content-Type at all (a file). */
  public static final ContentType NONE = new ContentType("", null);

  /** Parses a header value; null or blank gives {@link #NONE}. */
  public static ContentType parse(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    int semi = value.indexOf(';');
    String media = (semi < 0 ? value : value.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    Matcher m = CHARSET_PARAM.matcher(value);
    return new ContentType(media, m.find() ? m.group(1) : null);
  }
}
