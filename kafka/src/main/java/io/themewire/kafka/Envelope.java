package io.themewire.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Codec;
import io.themewire.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A record value on a topic: {@code {"schema":1,"item":{...}}}, UTF-8 JSON. The schema version lets
 * a reader refuse (dead-letter) what it does not understand instead of misreading it. Thread-safe.
 */
public final class Envelope<T> {

  /** The version this code writes and the only one it reads. */
  public static final int SCHEMA_VERSION = 1;

  private final Codec<T> codec;

  private Envelope(Codec<T> codec) {
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  public static <T> Envelope<T> of(Codec<T> codec) {
    return new Envelope<>(codec);
  }

  public byte[] encode(T value) {
    return ("{\"schema\":" + SCHEMA_VERSION + ",\"item\":" + codec.encodeToString(value) + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads one value.
   *
   * @throws BadRecordException when the bytes are not JSON ({@code bad-json}), carry another schema
   *     version ({@code unknown-schema}) or not an item of this type ({@code bad-item})
   */
  public T decode(byte[] bytes) {
    if (bytes == null) {
      throw new BadRecordException("bad-json", "record has no value");
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(bytes);
    } catch (IOException e) {
      throw new BadRecordException(
          "bad-json", "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (node == null || !node.isObject()) {
      throw new BadRecordException("bad-json", "not a JSON object");
    }
    JsonNode schema = node.get("schema");
    if (schema == null || !schema.isInt() || schema.intValue() != SCHEMA_VERSION) {
      throw new BadRecordException(
          "unknown-schema",
          "schema version "
              + (schema == null ? "missing" : schema.toString())
              + ", expected "
              + SCHEMA_VERSION);
    }
    JsonNode item = node.get("item");
    if (item == null || !item.isObject()) {
      throw new BadRecordException("bad-item", "no item object");
    }
    try {
      return codec.decode(item.toString());
    } catch (Codec.CodecException e) {
      throw new BadRecordException("bad-item", e.getMessage());
    }
  }

  /** A record value that cannot be read; {@link #reason()} is a stable code. */
  public static final class BadRecordException extends RuntimeException {
    private final String reason;

    public BadRecordException(String reason, String message) {
      super(reason + ": " + message);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
