package io.themewire.ingest.feed;

import io.themewire.ingest.fetch.ContentType;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns the bytes of a feed into text, for the strict and the lenient reader alike.
 *
 * <p>The charset is, in order of precedence: the {@code charset} parameter of the HTTP
 * Content-Type; the byte order mark; the byte layout of UTF-16 and UTF-32 without one; the {@code
 * encoding} of the XML declaration; UTF-8 when the bytes are valid UTF-8; the charset detector
 * (juniversalchardet); windows-1252. ISO-8859-1 and US-ASCII are read as windows-1252, as browsers
 * do. A declared charset is skipped when the bytes contradict it: an HTTP or declared charset of
 * the wrong width (UTF-16 for single-byte text), a declared UTF-8 with no valid multi-byte
 * sequence, a declared single-byte Latin charset over bytes that are valid multi-byte UTF-8.
 *
 * <p>{@link Decoded#problem()} says what was guessed or repaired; it is null when the text was read
 * cleanly in the charset the document (or its HTTP header) declared, or as UTF-8 when it declared
 * none. Thread-safe (stateless).
 */
final class FeedDecoder {

  /** How many bytes the charset detector reads: enough for a verdict on any real feed. */
  private static final int DETECTOR_BYTES = 64 * 1024;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /**
   * Decoded text.
   *
   * @param text the document without its byte order mark
   * @param charset the charset it was read in
   * @param problem what was guessed or repaired, null when nothing was
   */
  record Decoded(String text, Charset charset, String problem) {}

  /** The text of the document; never fails (the last resort decodes every byte). */
  Decoded decode(byte[] bytes, String contentType) {
    List<String> problems = new ArrayList<>();
    XmlPrelude.Bom bom = XmlPrelude.bom(bytes);
    Charset layout = bom != null ? bom.charset() : XmlPrelude.wideLayout(bytes);

    Charset http = httpCharset(contentType, problems);
    if (http != null && isLatin(http)) {
      http = strict(bytes, 0, WINDOWS_1252) != null ? WINDOWS_1252 : StandardCharsets.ISO_8859_1;
    }
    if (http != null) {
      if (isWide(http) != (layout != null && isWide(layout))) {
        problems.add("Content-Type says " + http.name() + " but the bytes are " + describe(layout));
      } else {
        String text = strict(bytes, 0, http);
        if (text != null) {
          return done(text, http, problems);
        }
        problems.add("bytes are not valid " + http.name() + " as Content-Type says");
      }
    }

    if (bom != null) {
      return bestEffort(bytes, bom.length(), bom.charset(), problems, "the byte order mark");
    }
    if (layout != null) {
      return bestEffort(bytes, 0, layout, problems, "the byte layout");
    }

    String declaredName = XmlPrelude.declaredEncoding(bytes);
    if (declaredName != null) {
      Charset declared = lookup(declaredName);
      if (declared == null) {
        problems.add("unknown encoding '" + declaredName + "' declared");
      } else if (isWide(declared)) {
        problems.add(
            "encoding '" + declaredName + "' declared but the bytes are not UTF-16 or UTF-32");
      } else if (declared.equals(StandardCharsets.UTF_8)) {
        String text = strict(bytes, 0, StandardCharsets.UTF_8);
        if (text != null) {
          return done(text, StandardCharsets.UTF_8, problems);
        }
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (hasValidMultibyte(lenient)) {
          // Mostly UTF-8 with a few broken bytes: keep what is there rather than guess.
          problems.add("bytes are not all valid UTF-8 as declared; invalid ones replaced");
          return done(lenient, StandardCharsets.UTF_8, problems);
        }
        problems.add("UTF-8 declared but the bytes are not UTF-8");
      } else if (isLatin(declared)) {
        String utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        if (utf8 != null && hasValidMultibyte(utf8)) {
          problems.add("encoding '" + declaredName + "' declared but the bytes are UTF-8");
          return done(utf8, StandardCharsets.UTF_8, problems);
        }
        String text = strict(bytes, 0, WINDOWS_1252);
        return text != null
            ? done(text, WINDOWS_1252, problems)
            : done(new String(bytes, StandardCharsets.ISO_8859_1), declared, problems);
      } else {
        String text = strict(bytes, 0, declared);
        if (text != null) {
          return done(text, declared, problems);
        }
        problems.add("bytes are not valid " + declared.name() + " as declared");
      }
    }

    String utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return done(utf8, StandardCharsets.UTF_8, problems);
    }
    Charset detected = detect(bytes);
    if (detected != null) {
      String text = strict(bytes, 0, detected);
      if (text != null) {
        problems.add("no usable charset declared; detected " + detected.name());
        return done(text, detected, problems);
      }
    }
    problems.add("no usable charset declared; read as windows-1252");
    String text = strict(bytes, 0, WINDOWS_1252);
    return text != null
        ? done(text, WINDOWS_1252, problems)
        : done(new String(bytes, StandardCharsets.ISO_8859_1), WINDOWS_1252, problems);
  }

  /** Decodes in a charset the document is known to be in, replacing invalid bytes if need be. */
  private static Decoded bestEffort(
      byte[] bytes, int offset, Charset charset, List<String> problems, String evidence) {
    String text = strict(bytes, offset, charset);
    if (text == null) {
      problems.add(
          "bytes are not all valid " + charset.name() + " as " + evidence + " says; replaced");
      text = new String(bytes, offset, bytes.length - offset, charset);
    }
    return done(text, charset, problems);
  }

  private static Decoded done(String text, Charset charset, List<String> problems) {
    String t = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    return new Decoded(t, charset, problems.isEmpty() ? null : String.join("; ", problems));
  }

  /** The text, or null when the bytes are not valid in the charset. */
  private static String strict(byte[] bytes, int offset, Charset charset) {
    try {
      CharBuffer chars =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean hasValidMultibyte(String decoded) {
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c >= 0x80 && c != '\uFFFD') {
        return true;
      }
    }
    return false;
  }

  private static Charset httpCharset(String contentType, List<String> problems) {
    String name = ContentType.parse(contentType).charset();
    if (name == null) {
      return null;
    }
    Charset charset = lookup(name);
    if (charset == null) {
      problems.add("unknown charset '" + name + "' in Content-Type");
    }
    return charset;
  }

  private static Charset detect(byte[] bytes) {
    UniversalDetector detector = new UniversalDetector(null);
    detector.handleData(bytes, 0, Math.min(bytes.length, DETECTOR_BYTES));
    detector.dataEnd();
    String name = detector.getDetectedCharset();
    Charset charset = name == null ? null : lookup(name);
    // UTF-8 and ASCII were ruled out before the detector was asked.
    return charset == null
            || charset.equals(StandardCharsets.UTF_8)
            || charset.equals(StandardCharsets.US_ASCII)
        ? null
        : charset;
  }

  private static Charset lookup(String name) {
    try {
      return Charset.forName(name.strip());
    } catch (IllegalArgumentException e) {
      // IllegalCharsetNameException and UnsupportedCharsetException both extend it.
      return null;
    }
  }

  private static boolean isWide(Charset charset) {
    return XmlPrelude.isWide(charset);
  }

  private static boolean isLatin(Charset charset) {
    return charset.equals(StandardCharsets.ISO_8859_1)
        || charset.equals(StandardCharsets.US_ASCII)
        || charset.equals(WINDOWS_1252);
  }

  private static String describe(Charset layout) {
    return layout == null ? "single-byte or UTF-8" : layout.name();
  }
}
