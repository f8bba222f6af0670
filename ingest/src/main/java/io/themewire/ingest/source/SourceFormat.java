package io.themewire.ingest.source;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a document is, judged by its first bytes rather than its name or Content-Type. */
enum SourceFormat {
  FEED,
  SITEMAP,
  HTML,
  JSON,
  EMPTY,
  BINARY,
  UNKNOWN;

  private static final Pattern FIRST_ELEMENT =
      Pattern.compile(
          "^(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z][\\w:.-]*)", Pattern.DOTALL);

  static SourceFormat sniff(byte[] bytes) {
    if (bytes.length == 0) {
      return EMPTY;
    }
    if (isBinary(bytes)) {
      return BINARY;
    }
    String head = decodeHead(bytes);
    String trimmed = head.strip();
    if (trimmed.isEmpty()) {
      return EMPTY;
    }
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return JSON;
    }
    Matcher m = FIRST_ELEMENT.matcher(trimmed);
    if (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      String local = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
      if (local.equals("urlset") || local.equals("sitemapindex")) {
        return SITEMAP;
      }
      if (local.equals("rss")
          || local.equals("feed")
          || local.equals("rdf")
          || local.equals("channel")) {
        return FEED;
      }
      return HTML;
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("<!doctype html") || lower.contains("<html") || lower.contains("<body")) {
      return HTML;
    }
    return UNKNOWN;
  }

  private static String decodeHead(byte[] bytes) {
    int n = Math.min(bytes.length, 4096);
    java.nio.charset.Charset wide = wideCharset(bytes);
    if (wide != null) {
      return new String(bytes, 0, n - n % 4, wide).replace("\uFEFF", "");
    }
    if (n >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
      return new String(bytes, 0, n, StandardCharsets.UTF_16BE).substring(1);
    }
    if (n >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
      return new String(bytes, 0, n, StandardCharsets.UTF_16LE).substring(1);
    }
    String s = new String(bytes, 0, n, StandardCharsets.UTF_8);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /**
   * UTF-16 or UTF-32 told by its layout around the first '<' or BOM; null for byte-wide text. Such
   * text is full of NUL bytes, which must not be mistaken for binary.
   */
  static java.nio.charset.Charset wideCharset(byte[] b) {
    if (b.length < 4) {
      return null;
    }
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    int b2 = b[2] & 0xff;
    int b3 = b[3] & 0xff;
    if (b0 == 0 && b1 == 0 && (b2 == 0xfe && b3 == 0xff || b2 == 0 && b3 == '<')) {
      return java.nio.charset.Charset.forName("UTF-32BE");
    }
    if ((b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0)
        || (b0 == '<' && b1 == 0 && b2 == 0 && b3 == 0)) {
      return java.nio.charset.Charset.forName("UTF-32LE");
    }
    if (b0 == 0 && (b1 == '<' || b1 == '{')) {
      return StandardCharsets.UTF_16BE;
    }
    if ((b0 == '<' || b0 == '{') && b1 == 0) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static boolean isBinary(byte[] b) {
    if (startsWith(b, 0x89, 'P', 'N', 'G')
        || startsWith(b, 'P', 'K', 3, 4)
        || startsWith(b, 'G', 'I', 'F', '8')
        || startsWith(b, '%', 'P', 'D', 'F')
        || startsWith(b, 0xff, 0xd8, 0xff)
        || startsWith(b, 0x1f, 0x8b)) {
      return true;
    }
    boolean wide =
        (b.length >= 2 && ((b[0] & 0xff) == 0xfe || (b[0] & 0xff) == 0xff))
            || wideCharset(b) != null;
    if (wide) {
      return false;
    }
    int n = Math.min(b.length, 512);
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
