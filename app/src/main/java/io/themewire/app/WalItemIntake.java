package io.themewire.app;

import io.themewire.api.ItemIntake;
import io.themewire.classify.theme.ClassifyStage;
import io.themewire.classify.theme.ThemeClassifier;
import io.themewire.core.json.Codec;
import io.themewire.core.json.Topic;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.RawItem;
import io.themewire.index.ArticleIndex;
import io.themewire.ingest.discussion.DiscussionFormats;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/items} behind a write-ahead log: a post is parsed, classified, appended to
 * {@code DATA/}{@value #FILE} and forced to disk, then upserted into the index (searchable at once,
 * near-real-time) — and only then acknowledged. The index commits on its own schedule; a post
 * acknowledged but not yet committed when the process is killed is in the log, and {@link #replay}
 * (called before the API starts) indexes it again. The log is emptied after a commit that covers
 * everything in it: every {@value #COMPACT_AFTER} posts and at {@link #close}. Thread-safe.
 */
final class WalItemIntake implements ItemIntake, AutoCloseable {

  /** The log, in the data folder. */
  static final String FILE = "items.wal";

  /** Posts logged before the intake commits the index and empties the log. */
  static final int COMPACT_AFTER = 1000;

  private static final Logger log = LoggerFactory.getLogger(WalItemIntake.class);
  private static final Codec<RawItem> CODEC = Topic.ITEMS_RAW.codec();

  private final ArticleIndex index;
  private final ThemeClassifier classifier;
  private final Clock clock;
  private final Path file;
  private final DiscussionFormats formats = DiscussionFormats.defaults();
  private FileChannel channel;
  private int logged;

  WalItemIntake(ArticleIndex index, ThemeClassifier classifier, Path dataDir, Clock clock)
      throws IOException {
    this.index = index;
    this.classifier = classifier;
    this.clock = clock;
    this.file = dataDir.resolve(FILE);
    Files.createDirectories(dataDir);
  }

  /**
   * Indexes every post in the log (what was acknowledged before the last stop), commits, and
   * empties the log. A torn last line (the process died mid-write, before acknowledging it) is
   * skipped with a warning.
   *
   * @return the posts replayed
   */
  synchronized int replay() throws IOException {
    int replayed = 0;
    if (Files.exists(file)) {
      int lineNo = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        RawItem raw;
        try {
          raw = CODEC.decode(line);
        } catch (Codec.CodecException e) {
          log.warn(
              "{} - line {} unreadable, skipped (torn write?): {}", file, lineNo, e.getMessage());
          continue;
        }
        index.upsert(classify(raw));
        replayed++;
      }
      index.commit();
      if (replayed > 0) {
        log.info("{} - replayed {} posts acknowledged before the last stop", file, replayed);
      }
    }
    open(true);
    return replayed;
  }

  @Override
  public String accept(byte[] json) throws Rejected, IOException {
    Optional<List<RawItem>> parsed;
    try {
      parsed = formats.parse(json, clock.instant());
    } catch (IOException e) {
      throw new Rejected("invalid-post", e.getMessage());
    }
    if (parsed.isEmpty() || parsed.get().size() != 1) {
      throw new Rejected(
          "invalid-post",
          "the body must be one post as JSON, like {\"text\": \"...\", \"author\": \"...\","
              + " \"created_at\": \"2026-11-12T10:00:00Z\"} (text and one of author, url or"
              + " created_at required)");
    }
    RawItem raw = parsed.get().get(0);
    ClassifiedItem item = classify(raw);
    synchronized (this) {
      if (channel == null) {
        open(false);
      }
      byte[] line = (CODEC.encodeToString(raw) + "\n").getBytes(StandardCharsets.UTF_8);
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
      index.upsert(item);
      if (++logged >= COMPACT_AFTER) {
        compact();
      }
    }
    return raw.id().value();
  }

  private ClassifiedItem classify(RawItem raw) {
    return ClassifyStage.label(raw, classifier.classify(raw.fullText()));
  }

  /** Commits the index (covering every logged post) and empties the log. */
  private void compact() throws IOException {
    index.commit();
    channel.truncate(0);
    channel.force(true);
    logged = 0;
  }

  private void open(boolean truncate) throws IOException {
    if (channel != null) {
      channel.close();
    }
    channel =
        truncate
            ? FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)
            : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    channel.position(channel.size());
    logged = 0;
  }

  /** Commits what was taken in and empties the log. */
  @Override
  public synchronized void close() throws IOException {
    if (channel != null) {
      compact();
      channel.close();
      channel = null;
    }
  }
}
