package io.themewire.api;

import io.javalin.http.Context;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strong ETags over a response's bytes, and {@code 304 Not Modified} when the client already holds
 * them ({@code If-None-Match}). The tag changes exactly when the body does, index changes included.
 */
final class Etags {

  private Etags() {}

  /**
   * Sends {@code body} as JSON with its ETag, or a bodiless 304 when the client's tag matches. The
   * tag covers every entry but {@code unstable} ones (timings), so that equal answers match.
   */
  static void sendJson(Context ctx, Map<String, Object> body, String... unstable)
      throws java.io.IOException {
    byte[] bytes = HtmlSafeJson.MAPPER.writeValueAsBytes(body);
    byte[] tagged = bytes;
    if (unstable.length > 0) {
      Map<String, Object> stable = new LinkedHashMap<>(body);
      for (String k : unstable) {
        stable.remove(k);
      }
      tagged = HtmlSafeJson.MAPPER.writeValueAsBytes(stable);
    }
    String tag = "\"" + hash(tagged) + "\"";
    ctx.header("ETag", tag);
    ctx.header("Cache-Control", "no-cache");
    if (matches(ctx.header("If-None-Match"), tag)) {
      ctx.status(304);
      return;
    }
    ctx.contentType("application/json");
    ctx.result(bytes);
  }

  private static boolean matches(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String t : ifNoneMatch.split(",")) {
      String s = t.strip();
      if (s.startsWith("W/")) {
        s = s.substring(2);
      }
      if (s.equals(tag) || s.equals("*")) {
        return true;
      }
    }
    return false;
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
