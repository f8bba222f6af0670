package io.themewire.classify.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One labelled item to evaluate on: its text, optional title and the register it was written in
 * (blog, comment, social, news, docs...; empty when unknown). Read from JSON Lines with at least
 * {@code text} and {@code label}; other fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalItem(String id, String title, String text, String label, String register) {

  /** Texts under this many words count as short. */
  public static final int SHORT_WORDS = 40;

  private static final ObjectMapper JSON = new ObjectMapper();

  public EvalItem {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("item " + id + " has no text");
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("item " + id + " has no label");
    }
    id = id == null ? "" : id;
    title = title == null ? "" : title.strip();
    register = register == null ? "" : register;
  }

  /** What the pipeline classifies: the title, a blank line and the text (as a raw item's). */
  public String fullText() {
    return title.isEmpty() ? text : title + "\n\n" + text;
  }

  /** Words in the text (the title not counted). */
  public int words() {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  public boolean isShort() {
    return words() < SHORT_WORDS;
  }

  /**
   * The half of a corpus this item falls in, {@code 'A'} or {@code 'B'}: fixed by the CRC-32 of its
   * id (even: A, odd: B), so the split needs no list and never changes. Errors are read on half A
   * only; half B stays unseen for reporting.
   */
  public char half() {
    CRC32 crc = new CRC32();
    crc.update(id.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % 2 == 0 ? 'A' : 'B';
  }

  /**
   * Reads JSON Lines; blank lines are skipped.
   *
   * @throws IOException naming the line, when one is not a valid item
   */
  public static List<EvalItem> read(InputStream in, String name) throws IOException {
    List<EvalItem> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(JSON.readValue(line, EvalItem.class));
      } catch (IOException | IllegalArgumentException e) {
        throw new IOException(name + ":" + n + ": not a labelled item: " + e.getMessage(), e);
      }
    }
    return out;
  }
}
