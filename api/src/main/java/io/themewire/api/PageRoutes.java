package io.themewire.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The editors' web page: {@code GET /} and its files at {@code GET /assets/{name}}, read once from
 * the classpath ({@code io/themewire/api/page/}) when the group is built, so a missing file fails
 * at start-up and every request is answered from memory. Nothing comes from a CDN: the page works
 * offline and under the server's Content-Security-Policy (no inline script or style anywhere).
 *
 * <p>Each response carries a strong ETag and {@code Cache-Control: no-cache}, so a reload
 * revalidates with a 304 instead of downloading again, and a new build is picked up at once.
 * Thread-safe: the files are immutable after construction.
 */
public final class PageRoutes implements ApiRoutes {

  /** Where the files live on the classpath. */
  static final String RESOURCE_DIR = "/io/themewire/api/page/";

  /** The page itself, served at {@code /}. */
  static final String PAGE = "index.html";

  /** Files served under {@code /assets/}; nothing else is, whatever the name asked for. */
  static final List<String> ASSETS = List.of("app.js", "style.css", "favicon.svg");

  private final Map<String, Asset> files;

  private PageRoutes(Map<String, Asset> files) {
    this.files = Map.copyOf(files);
  }

  /** The page and assets bundled with the api module. */
  public static PageRoutes bundled() {
    Map<String, Asset> files = new LinkedHashMap<>();
    files.put(PAGE, load(PAGE));
    for (String name : ASSETS) {
      files.put(name, load(name));
    }
    return new PageRoutes(files);
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get("/", ctx -> send(ctx, files.get(PAGE)));
    config.routes.get(
        "/assets/{name}",
        ctx -> {
          String name = ctx.pathParam("name");
          Asset asset = PAGE.equals(name) ? null : files.get(name);
          if (asset == null) {
            throw ApiProblem.notFound("no such asset: " + name);
          }
          send(ctx, asset);
        });
  }

  private static void send(Context ctx, Asset asset) {
    ctx.header("ETag", asset.etag());
    ctx.header("Cache-Control", "no-cache");
    ctx.header("Referrer-Policy", "no-referrer");
    String match = ctx.header("If-None-Match");
    if (match != null && match.contains(asset.etag())) {
      ctx.status(304);
      return;
    }
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }

  private static Asset load(String name) {
    String path = RESOURCE_DIR + name;
    try (InputStream in = PageRoutes.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("web page file missing from the classpath: " + path);
      }
      byte[] bytes = in.readAllBytes();
      return new Asset(bytes, contentType(name), etag(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  static String contentType(String name) {
    String ext = name.substring(name.lastIndexOf('.') + 1);
    return switch (ext) {
      case "html" -> "text/html; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "svg" -> "image/svg+xml";
      default -> throw new IllegalArgumentException("no content type for " + name);
    };
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** One file, held in memory. */
  private record Asset(byte[] bytes, String contentType, String etag) {
    Asset {
      Objects.requireNonNull(bytes, "bytes");
    }
  }
}
