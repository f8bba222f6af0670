package io.themewire.digest.briefing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.themewire.core.json.Json;
import java.io.UncheckedIOException;

/**
 * Writes a briefing as JSON (the shape of {@code GET /api/digest?format=json}) and reads it back.
 * Pretty-printed with two-space indents and {@code \n} line ends, fields in a fixed order, and
 * {@code < > & '} written as {@code \\u003c} and friends so no markup reaches a client even inside
 * strings. Deterministic: the same briefing always gives the same bytes.
 */
public final class JsonRenderer {

  private static final ObjectMapper MAPPER = mapper();
  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private JsonRenderer() {}

  /** The briefing as JSON, ending with a newline. */
  public static String render(Briefing b) {
    try {
      return WRITER.writeValueAsString(b) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the briefing of " + b.date(), e);
    }
  }

  /**
   * A briefing read back from {@link #render}'s output.
   *
   * @throws IllegalArgumentException when {@code json} is not a briefing
   */
  public static Briefing parse(String json) {
    try {
      return MAPPER.readValue(json, Briefing.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("not a briefing: " + e.getMessage(), e);
    }
  }

  private static ObjectMapper mapper() {
    ObjectMapper m = Json.mapper().copy();
    m.getFactory().setCharacterEscapes(new MarkupEscapes());
    return m;
  }

  /** JSON's own escapes plus {@code < > & '}. */
  private static final class MarkupEscapes extends CharacterEscapes {
    private final int[] ascii;

    MarkupEscapes() {
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
