package io.themewire.api;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.themewire.core.json.Json;

/**
 * The API's JSON: the shared mapper, with {@code < > & '} written as {@code \\u003c} and friends,
 * so no response ever carries markup even where it echoes input, whatever a client does with it.
 */
final class HtmlSafeJson {

  static final ObjectMapper MAPPER = create();

  private HtmlSafeJson() {}

  private static ObjectMapper create() {
    ObjectMapper mapper = Json.mapper().copy();
    mapper.getFactory().setCharacterEscapes(new Escapes());
    return mapper;
  }

  private static final class Escapes extends CharacterEscapes {
    private final int[] ascii;

    Escapes() {
      ascii = standardAsciiEscapesForJSON();
      for (char c : new char[] {'<', '>', '&', '\''}) {
        ascii[c] = ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
