package io.themewire.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /api/items}: a post as JSON (a line of the posts import), behind the API key in
 * {@code X-Api-Key} (compared in constant time; 401 problem without it), answered 202 once the
 * {@link ItemIntake} has made it durable.
 */
public final class ItemRoutes implements ApiRoutes {

  /** The largest body accepted, in bytes; more is a 413 problem. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  private final ItemIntake intake;
  private final byte[] keyDigest;

  /**
   * @param intake where accepted posts go
   * @param apiKey the key a request must carry; null refuses every request
   */
  public ItemRoutes(ItemIntake intake, String apiKey) {
    this.intake = Objects.requireNonNull(intake, "intake");
    this.keyDigest = apiKey == null || apiKey.isEmpty() ? null : sha256(apiKey);
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.post("/api/items", this::add);
  }

  /** Whether {@code given} is the key, in time independent of where they differ. */
  boolean keyMatches(String given) {
    // Digests have one length, so MessageDigest.isEqual compares every byte whatever the input.
    return keyDigest != null && given != null && MessageDigest.isEqual(keyDigest, sha256(given));
  }

  private void add(Context ctx) throws IOException {
    if (!keyMatches(ctx.header("X-Api-Key"))) {
      throw new ApiProblem(
          401, "unauthorized", "Unauthorized", "a valid X-Api-Key header is required");
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BODY_BYTES) {
      throw new ApiProblem(
          413,
          "body-too-large",
          "Body too large",
          "the post is " + body.length + " bytes; the limit is " + MAX_BODY_BYTES);
    }
    String id;
    try {
      id = intake.accept(body);
    } catch (ItemIntake.Rejected e) {
      throw ApiProblem.badRequest(e.reason(), e.getMessage());
    }
    ctx.status(202).json(Map.of("id", id, "status", "accepted"));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
