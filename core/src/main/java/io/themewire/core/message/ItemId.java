package io.themewire.core.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The stable identity of an item: every write downstream is an upsert keyed by it, so replaying a
 * source or a topic never duplicates.
 *
 * <p>An id is a short hex digest of the canonical URL ({@link #of(CanonicalUrl)}), or of the source
 * id and the source's own guid for items without a URL ({@link #of(String, String)}). Never null or
 * blank; at most 128 characters of {@code [A-Za-z0-9._:-]}.
 */
public record ItemId(@JsonValue String value) {

  /** Reads a value as written by {@link #value()}; used by the JSON codecs. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ItemId parse(String value) {
    return new ItemId(value);
  }

  public ItemId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 128 || !value.matches("[A-Za-z0-9._:-]+")) {
      throw new IllegalArgumentException(
          "item id must be 1-128 characters of [A-Za-z0-9._:-], got '" + abbreviate(value) + "'");
    }
  }

  /** The id of an item that has a canonical URL: the same URL always gives the same id. */
  public static ItemId of(CanonicalUrl url) {
    return new ItemId(digest("url\n" + url.value()));
  }

  /** The id of an item known by its source's own identifier, such as a post guid. */
  public static ItemId of(String sourceId, String guid) {
    return new ItemId(digest("guid\n" + sourceId + "\n" + guid));
  }

  /** A SHA-256 digest of the text, hex, as the content hash of an item. */
  public static String contentHash(String text) {
    return HexFormat.of().formatHex(sha256(text == null ? "" : text));
  }

  private static String digest(String text) {
    // 20 hex characters (80 bits): ample for millions of items, short enough for URLs and logs.
    return HexFormat.of().formatHex(sha256(text)).substring(0, 20);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  @Override
  public String toString() {
    return value;
  }
}
