package io.themewire.api;

import io.themewire.index.search.SearchAfter;
import io.themewire.index.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque paging cursors: a {@link SearchAfter} position and a fingerprint of the search it belongs
 * to, signed with HMAC-SHA256 and Base64url-encoded. A cursor that was altered, made up, or made
 * for another query is refused ({@code invalid-cursor}), so a client can never page a query with
 * another's position or read positions it was not given. The key is per server process unless
 * given: cursors do not outlive a restart. Thread-safe.
 */
final class CursorCodec {

  private static final String VERSION = "c1";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  CursorCodec(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** A codec with a fresh random key. */
  static CursorCodec random() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return new CursorCodec(k);
  }

  /** The cursor continuing {@code request} after {@code position}. */
  String encode(SearchRequest request, SearchAfter position) {
    String payload =
        String.join(
            "\n",
            VERSION,
            fingerprint(request),
            position.sort().name(),
            Integer.toHexString(Float.floatToIntBits(position.score())),
            Long.toString(position.published()),
            position.id());
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(body) + "." + B64.encodeToString(mac(body));
  }

  /**
   * The position in {@code cursor}, checked against its signature and against {@code request}.
   *
   * @throws ApiProblem 400 {@code invalid-cursor} when it is not a cursor this server made for this
   *     query
   */
  SearchAfter decode(SearchRequest request, String cursor) {
    int dot = cursor.indexOf('.');
    if (dot <= 0 || cursor.length() > 2048) {
      throw invalid("it is not a cursor of this server");
    }
    byte[] body;
    byte[] sig;
    try {
      body = B64D.decode(cursor.substring(0, dot));
      sig = B64D.decode(cursor.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw invalid("it is not a cursor of this server");
    }
    if (!MessageDigest.isEqual(mac(body), sig)) {
      throw invalid("its signature does not match (altered, or made by another server)");
    }
    String[] parts = new String(body, StandardCharsets.UTF_8).split("\n", -1);
    if (parts.length != 6 || !parts[0].equals(VERSION)) {
      throw invalid("it is not a cursor of this server");
    }
    if (!parts[1].equals(fingerprint(request))) {
      throw invalid("it belongs to another query, filter or sort; start again without cursor");
    }
    try {
      return new SearchAfter(
          SearchRequest.Sort.valueOf(parts[2]),
          Float.intBitsToFloat(Integer.parseUnsignedInt(parts[3], 16)),
          Long.parseLong(parts[4]),
          parts[5]);
    } catch (IllegalArgumentException e) {
      throw invalid("it is not a cursor of this server");
    }
  }

  /** What identifies the result list a cursor pages through (not its size or facets). */
  private static String fingerprint(SearchRequest r) {
    String canonical =
        String.join(
            "\u0000",
            r.query(),
            Objects.toString(r.theme(), ""),
            Objects.toString(r.source(), ""),
            Objects.toString(r.kind(), ""),
            Objects.toString(r.from(), ""),
            Objects.toString(r.to(), ""),
            r.sort().name());
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private byte[] mac(byte[] body) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      return m.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
    }
  }

  private static ApiProblem invalid(String why) {
    return ApiProblem.badRequest("invalid-cursor", "cursor refused: " + why);
  }
}
