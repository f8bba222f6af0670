package io.themewire.ingest.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the first bytes and the prolog of a markup document say, read in one place for the source
 * sniffer, the feed decoder and both feed readers: the byte order mark, the UTF-16/32 byte layout
 * (appendix F of the XML specification), the encoding of the XML declaration, where the prolog
 * (declaration, processing instructions, comments and a DOCTYPE with its internal subset) ends, and
 * how deeply elements nest.
 */
public final class XmlPrelude {

  /** How far the XML declaration is looked for: it must come first, after white space at most. */
  static final int PROLOG_CHARS = 1024;

  static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("^\\s*<\\?xml\\s[^>]*?\\bencoding\\s*=\\s*[\"']([^\"']*)[\"']");

  private XmlPrelude() {}

  /** A byte order mark: the charset it names and how many bytes it takes. */
  public record Bom(Charset charset, int length) {}

  /** The byte order mark the bytes start with, or null. */
  public static Bom bom(byte[] b) {
    if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
      return new Bom(UTF_32BE, 4);
    }
    if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
      return new Bom(UTF_32LE, 4);
    }
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      return new Bom(StandardCharsets.UTF_8, 3);
    }
    if (startsWith(b, 0xFE, 0xFF)) {
      return new Bom(StandardCharsets.UTF_16BE, 2);
    }
    if (startsWith(b, 0xFF, 0xFE)) {
      return new Bom(StandardCharsets.UTF_16LE, 2);
    }
    return null;
  }

  /**
   * UTF-16 or UTF-32 told by where the zero bytes are in the first character (which in markup or
   * JSON is {@code <}, {@code {} or white space, never NUL); null for byte-wide text.
   */
  public static Charset wideLayout(byte[] b) {
    if (b.length < 4) {
      return null;
    }
    boolean z0 = b[0] == 0;
    boolean z1 = b[1] == 0;
    boolean z2 = b[2] == 0;
    boolean z3 = b[3] == 0;
    if (z0 && z1 && z2 && !z3) {
      return UTF_32BE;
    }
    if (!z0 && z1 && z2 && z3) {
      return UTF_32LE;
    }
    if (z0 && !z1 && z2 && !z3) {
      return StandardCharsets.UTF_16BE;
    }
    if (!z0 && z1 && !z2 && z3) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /** Whether the bytes are UTF-16 or UTF-32, by their mark or their layout. */
  public static boolean isWide(byte[] b) {
    Bom bom = bom(b);
    Charset c = bom != null ? bom.charset() : wideLayout(b);
    return c != null && isWide(c);
  }

  static boolean isWide(Charset charset) {
    String name = charset.name();
    return name.contains("UTF-16") || name.contains("UTF-32");
  }

  /**
   * The first {@code maxBytes} bytes as text, for sniffing: in the charset of the mark or layout,
   * else UTF-8; without the mark.
   */
  public static String head(byte[] bytes, int maxBytes) {
    int n = Math.min(bytes.length, maxBytes);
    Bom bom = bom(bytes);
    Charset charset = bom != null ? bom.charset() : wideLayout(bytes);
    int offset = bom != null ? bom.length() : 0;
    if (charset == null) {
      charset = StandardCharsets.UTF_8;
    }
    int width = charset.name().contains("32") ? 4 : charset.name().contains("16") ? 2 : 1;
    int length = Math.max(0, n - offset);
    length -= length % width;
    String s = new String(bytes, offset, length, charset);
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  /** The encoding named by the XML declaration, read in an ASCII-compatible way; or null. */
  static String declaredEncoding(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, PROLOG_CHARS), StandardCharsets.ISO_8859_1);
    Matcher m = DECLARED_ENCODING.matcher(head);
    return m.find() ? m.group(1).strip() : null;
  }

  /**
   * Where the prolog of {@code text} ends: the index of the root element's {@code <}, after white
   * space, the XML declaration, processing instructions, comments and a DOCTYPE (its internal
   * subset included); -1 when no element follows or a declaration never ends.
   */
  public static int rootStart(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\uFEFF') {
        i++;
      } else if (text.startsWith("<?", i)) {
        int end = text.indexOf("?>", i + 2);
        if (end < 0) {
          return -1;
        }
        i = end + 2;
      } else if (text.startsWith("<!--", i)) {
        int end = text.indexOf("-->", i + 4);
        if (end < 0) {
          return -1;
        }
        i = end + 3;
      } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        i = doctypeEnd(text, i);
        if (i < 0) {
          return -1;
        }
      } else {
        return c == '<' ? i : -1;
      }
    }
    return -1;
  }

  /**
   * Where the DOCTYPE declaration starting at {@code start} ends, just after its {@code >} (quotes,
   * comments and the bracketed internal subset skipped); -1 if it never ends.
   */
  static int doctypeEnd(String text, int start) {
    int n = text.length();
    int depth = 0;
    char quote = 0;
    for (int i = start + 9; i < n; i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (depth > 0 && text.startsWith("<!--", i)) {
        int end = text.indexOf("-->", i + 4);
        if (end < 0) {
          return -1;
        }
        i = end + 2;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (c == '>' && depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * The element nesting depth of markup, approximately (comments, CDATA, declarations and
   * processing instructions are skipped; unbalanced tags count as written), stopping once past
   * {@code limit}: linear, and asked before any parser that recurses per level.
   */
  public static int nestingDepth(String text, int limit) {
    int depth = 0;
    int max = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) != '<' || i + 1 >= n) {
        continue;
      }
      char next = text.charAt(i + 1);
      if (text.startsWith("<!--", i)) {
        int end = text.indexOf("-->", i + 4);
        i = end < 0 ? n : end + 2;
      } else if (text.startsWith("<![CDATA[", i)) {
        int end = text.indexOf("]]>", i + 9);
        i = end < 0 ? n : end + 2;
      } else if (next == '!' || next == '?') {
        int end = text.indexOf('>', i + 2);
        i = end < 0 ? n : end;
      } else if (next == '/') {
        depth = Math.max(0, depth - 1);
      } else if (Character.isLetter(next) || next == '_' || next == ':') {
        int end = text.indexOf('>', i + 1);
        if (end < 0) {
          break;
        }
        if (text.charAt(end - 1) != '/') {
          depth++;
          max = Math.max(max, depth);
          if (max > limit) {
            return max;
          }
        }
        i = end;
      }
    }
    return max;
  }

  static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
