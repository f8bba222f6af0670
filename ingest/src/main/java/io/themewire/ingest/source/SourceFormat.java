package io.themewire.ingest.source;

import io.themewire.ingest.feed.XmlPrelude;
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

  private static final Pattern ELEMENT_NAME = Pattern.compile("<([A-Za-z][\\w:.-]*)");

  static SourceFormat sniff(byte[] bytes) {
    if (bytes.length == 0) {
      return EMPTY;
    }
    if (isBinary(bytes)) {
      return BINARY;
    }
    String head = XmlPrelude.head(bytes, 4096);
    String trimmed = head.strip();
    if (trimmed.isEmpty()) {
      return EMPTY;
    }
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return JSON;
    }
    int root = XmlPrelude.rootStart(trimmed);
    Matcher m = ELEMENT_NAME.matcher(trimmed);
    if (root >= 0 && m.find(root) && m.start() == root) {
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

  private static boolean isBinary(byte[] b) {
    if (startsWith(b, 0x89, 'P', 'N', 'G')
        || startsWith(b, 'P', 'K', 3, 4)
        || startsWith(b, 'G', 'I', 'F', '8')
        || startsWith(b, '%', 'P', 'D', 'F')
        || startsWith(b, 0xff, 0xd8, 0xff)
        || startsWith(b, 0x1f, 0x8b)) {
      return true;
    }
    if (XmlPrelude.isWide(b)) {
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
