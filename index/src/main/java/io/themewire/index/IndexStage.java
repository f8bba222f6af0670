package io.themewire.index;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.stage.Outcome;
import io.themewire.core.stage.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The index stage: upserts each classified item by id and commits once {@code commitInterval} has
 * passed since the last commit (checked as items arrive) and at {@link #flush()}, so a commit never
 * waits on every item. Between commits, searches already see the writes (near-real-time reader).
 * Emits the ids it stored. Thread-safe.
 */
public final class IndexStage implements Stage<ClassifiedItem, ItemId> {

  /** Default time between commits while items keep arriving. */
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(5);

  private final ArticleIndex index;
  private final Clock clock;
  private final Duration commitInterval;
  private Instant lastCommit;

  public IndexStage(ArticleIndex index, Clock clock, Duration commitInterval) {
    this.index = index;
    this.clock = clock;
    this.commitInterval = commitInterval;
    this.lastCommit = clock.instant();
  }

  @Override
  public String name() {
    return "index";
  }

  @Override
  public Outcome<ItemId> process(ClassifiedItem item) {
    try {
      index.upsert(item);
      maybeCommit();
      return Outcome.emitted(item.id());
    } catch (IOException e) {
      return Outcome.failed("index-io", item.id() + " - " + e.getMessage(), e);
    }
  }

  private synchronized void maybeCommit() throws IOException {
    Instant now = clock.instant();
    if (Duration.between(lastCommit, now).compareTo(commitInterval) >= 0) {
      index.commit();
      lastCommit = now;
    }
  }

  @Override
  public synchronized void flush() {
    try {
      index.commit();
      lastCommit = clock.instant();
    } catch (IOException e) {
      throw new UncheckedIOException("index commit failed", e);
    }
  }
}
