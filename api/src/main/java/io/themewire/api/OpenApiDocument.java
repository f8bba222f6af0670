package io.themewire.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The hand-written OpenAPI 3 description of the API ({@value #RESOURCE} on the class path), which
 * the server answers as {@code GET /openapi.json}. Read once, at start-up: a broken file stops the
 * server from starting rather than serving a broken contract.
 */
public final class OpenApiDocument {

  /** Where the description lives on the class path. */
  public static final String RESOURCE = "/openapi.yaml";

  private OpenApiDocument() {}

  /** The description as a JSON tree. */
  public static JsonNode tree() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The description as JSON text. */
  static String json() {
    try {
      return HtmlSafeJson.MAPPER.writeValueAsString(tree());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + RESOURCE + " as JSON", e);
    }
  }
}
