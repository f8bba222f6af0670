package io.themewire.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns one message type into UTF-8 JSON bytes and back. Thread-safe.
 *
 * @param <T> the message type
 */
public final class Codec<T> {

  private final Class<T> type;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  private Codec(Class<T> type) {
    this.type = type;
    this.reader = Json.mapper().readerFor(type);
    this.writer = Json.mapper().writerFor(type);
  }

  public static <T> Codec<T> of(Class<T> type) {
    return new Codec<>(Objects.requireNonNull(type, "type"));
  }

  public Class<T> type() {
    return type;
  }

  public byte[] encode(T value) {
    return encodeToString(value).getBytes(StandardCharsets.UTF_8);
  }

  public String encodeToString(T value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new CodecException(
          "cannot encode " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads one value.
   *
   * @throws CodecException when the bytes are not JSON of this type, naming the type and the
   *     problem
   */
  public T decode(byte[] bytes) {
    return decode(new String(bytes, StandardCharsets.UTF_8));
  }

  /** As {@link #decode(byte[])}, from a string. */
  public T decode(String json) {
    try {
      T value = reader.readValue(json);
      if (value == null) {
        throw new CodecException("cannot decode " + type.getSimpleName() + ": empty input", null);
      }
      return value;
    } catch (IOException e) {
      throw new CodecException("cannot decode " + type.getSimpleName() + ": " + summary(e), e);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new CodecException("cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static String summary(IOException e) {
    if (e instanceof JsonProcessingException jpe) {
      String msg = jpe.getOriginalMessage();
      Throwable cause = jpe.getCause();
      if (cause != null
          && cause.getMessage() != null
          && cause instanceof IllegalArgumentException) {
        msg = cause.getMessage();
      }
      return msg
          + (jpe.getLocation() == null ? "" : " at column " + jpe.getLocation().getColumnNr());
    }
    return e.getMessage();
  }

  /** A value could not be encoded or decoded. The message names the type and the problem. */
  public static final class CodecException extends RuntimeException {
    public CodecException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
