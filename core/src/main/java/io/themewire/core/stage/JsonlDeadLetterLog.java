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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters appended to a JSON Lines file, one line each, flushed per letter: the embedded
 * pipeline's stand-in for the {@code items.dead} topic. Thread-safe.
 *
 * <p>A process killed mid-write (kill -9) may leave a torn last line. The writer starts a fresh
 * line after one, so the next letter is whole; the reader skips a line that does not decode, counts
 * it ({@link Contents#torn()}) and logs a warning.
 */
public final class JsonlDeadLetterLog implements DeadLetterSink, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JsonlDeadLetterLog.class);

  private final Path file;
  private final Writer out;

  public JsonlDeadLetterLog(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      boolean torn = endsMidLine(file);
      this.out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      if (torn) {
        out.write('\n');
        out.flush();
      }
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

  /**
   * What a log file holds.
   *
   * @param letters every whole letter, oldest first
   * @param torn lines skipped because they do not decode (a write cut short by a kill)
   */
  public record Contents(List<DeadLetter> letters, int torn) {
    public Contents {
      letters = List.copyOf(letters);
    }
  }

  /** Every whole letter in a log file, oldest first; an absent file has none. */
  public static List<DeadLetter> read(Path file) throws IOException {
    return readAll(file).letters();
  }

  /** Every whole letter in a log file and the number of torn lines skipped; see the class. */
  public static Contents readAll(Path file) throws IOException {
    List<DeadLetter> letters = new ArrayList<>();
    int torn = 0;
    if (Files.exists(file)) {
      int number = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          letters.add(Topic.ITEMS_DEAD.codec().decode(line));
        } catch (io.themewire.core.json.Codec.CodecException e) {
          torn++;
          log.warn(
              "{}:{} - skipped a torn dead letter ({} characters): {}",
              file,
              number,
              line.length(),
              e.getMessage());
        }
      }
    }
    return new Contents(letters, torn);
  }

  private static boolean endsMidLine(Path file) throws IOException {
    if (!Files.exists(file) || Files.size(file) == 0) {
      return false;
    }
    try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
      ch.position(ch.size() - 1);
      java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
      ch.read(last);
      return last.get(0) != '\n';
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
