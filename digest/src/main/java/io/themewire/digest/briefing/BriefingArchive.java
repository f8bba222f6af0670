package io.themewire.digest.briefing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The briefings written so far, one per date, in a folder ({@code <data>/briefings/}): {@code
 * YYYY-MM-DD.md}, {@code .html} and {@code .json} per briefing. The JSON is written last and is the
 * briefing's commit mark: a date is archived exactly when its JSON exists. Every file is written to
 * a temporary name and moved into place, so a reader never sees half a file, and a job killed
 * halfway leaves at most some leftovers that the next write of that date sweeps away; it then
 * writes the same bytes again (the briefing depends only on the index, the date and the earlier
 * briefings). A date already archived is never written again: at most one delivery per date.
 *
 * <p>Thread-safe for one process; two processes writing the same folder may both write a date, with
 * the same bytes.
 */
public final class BriefingArchive {

  /** The folder under the data folder. */
  public static final String FOLDER = "briefings";

  /** The most briefings {@link #recent} reads (the Atom feed's length). */
  public static final int MAX_FEED_ENTRIES = 30;

  private static final Logger log = LoggerFactory.getLogger(BriefingArchive.class);
  private static final Pattern JSON_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.json");
  private static final String TEMP_SUFFIX = ".part";

  private final Path dir;
  private final Runnable beforeCommit;

  /** The archive in {@code dir}, which is created when the first briefing is written. */
  public BriefingArchive(Path dir) {
    this(dir, () -> {});
  }

  /** With a hook run just before the JSON commit mark is moved into place (fault tests). */
  BriefingArchive(Path dir, Runnable beforeCommit) {
    this.dir = dir;
    this.beforeCommit = beforeCommit;
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /** What {@link #write} did. */
  public enum Written {
    /** The briefing was written now. */
    WRITTEN,
    /** The date was archived already; nothing was written. */
    ALREADY_ARCHIVED
  }

  /** Whether the briefing of {@code date} has been written. */
  public boolean contains(LocalDate date) {
    return Files.isRegularFile(jsonOf(date));
  }

  /**
   * Writes {@code briefing} (Markdown, HTML, then JSON), unless its date is archived already.
   *
   * @throws UncheckedIOException when the folder cannot be written
   */
  public synchronized Written write(Briefing briefing) {
    LocalDate date = briefing.date();
    if (contains(date)) {
      return Written.ALREADY_ARCHIVED;
    }
    try {
      Files.createDirectories(dir);
      sweepLeftovers(date);
      String json = JsonRenderer.render(briefing);
      place(date + ".md", MarkdownRenderer.render(briefing));
      place(date + ".html", HtmlRenderer.render(briefing));
      Path temp = temp(date + ".json", json);
      beforeCommit.run();
      move(temp, jsonOf(date));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the briefing of " + date + " in " + dir, e);
    }
    log.info("{} - briefing written to {}", date, dir);
    return Written.WRITTEN;
  }

  /** The archived briefing of {@code date}. */
  public Optional<Briefing> read(LocalDate date) {
    Path file = jsonOf(date);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JsonRenderer.parse(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      log.warn("{} - archived briefing unreadable, ignored: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** The newest archived briefing of a date before {@code date}. */
  public Optional<Briefing> latestBefore(LocalDate date) {
    for (LocalDate d : dates()) {
      if (d.isBefore(date)) {
        Optional<Briefing> b = read(d);
        if (b.isPresent()) {
          return b;
        }
      }
    }
    return Optional.empty();
  }

  /** Up to {@code max} archived briefings of {@code upTo} and before, newest first. */
  public List<Briefing> recent(LocalDate upTo, int max) {
    List<Briefing> out = new ArrayList<>();
    for (LocalDate d : dates()) {
      if (out.size() >= max) {
        break;
      }
      if (!d.isAfter(upTo)) {
        read(d).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The archived dates, newest first. */
  public List<LocalDate> dates() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<LocalDate> dates = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        Matcher m = JSON_NAME.matcher(f.getFileName().toString());
        if (m.matches()) {
          try {
            dates.add(LocalDate.parse(m.group(1)));
          } catch (DateTimeParseException e) {
            // a name like 2026-13-40.json is not one of ours
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    dates.sort(Comparator.reverseOrder());
    return dates;
  }

  private Path jsonOf(LocalDate date) {
    return dir.resolve(date + ".json");
  }

  private void place(String name, String content) throws IOException {
    move(temp(name, content), dir.resolve(name));
  }

  /** Writes and syncs a temporary file beside {@code name}. */
  private Path temp(String name, String content) throws IOException {
    Path temp = Files.createTempFile(dir, "." + name + ".", TEMP_SUFFIX);
    try (FileChannel ch =
        FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    return temp;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Temporary files a killed write of {@code date} left behind. */
  private void sweepLeftovers(LocalDate date) throws IOException {
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(dir, "." + date + ".*" + TEMP_SUFFIX)) {
      for (Path f : files) {
        Files.deleteIfExists(f);
        log.info("{} - removed the leftover {} of an interrupted write", date, f.getFileName());
      }
    }
  }
}
