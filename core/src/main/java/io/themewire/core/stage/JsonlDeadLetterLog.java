package io.themewire.core.stage;

import io.themewire.core.json.Topic;
import io.themewire.core.message.DeadLetter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Dead letters appended to a JSON Lines file, one line each, flushed per letter: the embedded
 * pipeline's stand-in for the {@code items.dead} topic. Thread-safe.
 */
public final class JsonlDeadLetterLog implements DeadLetterSink, AutoCloseable {

  private final Path file;
  private final Writer out;

  public JsonlDeadLetterLog(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      this.out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open dead-letter log " + file, e);
    }
  }

  @Override
  public synchronized void accept(DeadLetter letter) {
    try {
      out.write(Topic.ITEMS_DEAD.codec().encodeToString(letter));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dead-letter log " + file, e);
    }
  }

  /** Every letter in a log file, oldest first; an absent file has none. */
  public static List<DeadLetter> read(Path file) throws IOException {
    List<DeadLetter> letters = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          letters.add(Topic.ITEMS_DEAD.codec().decode(line));
        }
      }
    }
    return letters;
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
