package io.themewire.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.ItemId;
import io.themewire.index.search.QueryLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.tests.store.MockDirectoryWrapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A machine crash under our index writer: Lucene's {@link MockDirectoryWrapper#crash()} throws away
 * (deletes, zeroes, truncates or flips bits in) every file written since its last fsync, at random
 * points of a randomized run of upserts, re-upserts and commits through {@link LuceneArticleIndex}.
 * Used directly (no Lucene test runner): the wrapper only needs a {@link Random}.
 */
class CrashRecoveryTest {

  /** Crashes per seed. */
  static final int CRASHES = 6;

  /**
   * One "process" on the crashing directory: closing the index closes this view, not the directory
   * under it, so the next process opens the same bytes (NoLockFactory: a crashed process never
   * releases its lock, as after a real crash the lock file is stale).
   */
  static final class ProcessView extends FilterDirectory {
    ProcessView(Directory in) {
      super(in);
    }

    @Override
    public void close() {}
  }

  // RELIABILITY row 38: after a crash at a random point the index opens from its last commit, holds
  // exactly the documents committed by then (none of the later, unsynced ones, none twice), passes
  // CheckIndex, and upserting the uncommitted items again (what the WAL or the next poll does)
  // brings the rest.
  @ParameterizedTest
  @ValueSource(longs = {1L, 38L, 2026L, 0x5eedL})
  void crashAtRandomPoints_reopensWithExactlyTheCommittedDocuments(long seed) throws Exception {
    Random random = new Random(seed);
    MockDirectoryWrapper disk =
        new MockDirectoryWrapper(random, new ByteBuffersDirectory(NoLockFactory.INSTANCE));
    disk.setAssertNoUnrefencedFilesOnClose(false);
    disk.setCheckIndexOnClose(false);
    Set<Integer> committed = new TreeSet<>();
    int next = 0;
    for (int crash = 0; crash < CRASHES; crash++) {
      LuceneArticleIndex index = open(disk);
      assertThat(index.count())
          .as("seed %d, crash %d: documents after reopening", seed, crash)
          .isEqualTo(committed.size());
      for (int i : sample(committed, random)) {
        assertThat(index.get(ExactCountsTest.item(i).id())).as("committed item %d", i).isPresent();
      }
      // recovery: what was written but not committed before the crash is written again
      Set<Integer> written = new LinkedHashSet<>(committed);
      Set<Integer> inCommit = new TreeSet<>(committed);
      int batches = 1 + random.nextInt(4);
      for (int b = 0; b < batches; b++) {
        int n = 1 + random.nextInt(400);
        for (int k = 0; k < n; k++) {
          // mostly new items, some re-upserts of stored ones (an update must not add a document)
          int i = !written.isEmpty() && random.nextInt(5) == 0 ? pick(written, random) : next++;
          index.upsert(ExactCountsTest.item(i));
          written.add(i);
        }
        if (b < batches - 1 || random.nextBoolean()) {
          index.commit();
          inCommit = new TreeSet<>(written);
        }
      }
      // a few uncommitted writes, maybe, then the crash: unsynced files are damaged at random
      if (random.nextBoolean()) {
        for (int k = 0; k < random.nextInt(200); k++) {
          index.upsert(ExactCountsTest.item(next++));
        }
      }
      disk.crash();
      try {
        index.close(); // the dead process's writer cannot write anything after the crash
      } catch (IOException | RuntimeException expected) {
        // the closing commit fails: "cannot sync after crash" and the like
      }
      disk.clearCrash();
      committed = inCommit;
      try (CheckIndex check = new CheckIndex(disk)) {
        check.setChecksumsOnly(false);
        assertThat(check.checkIndex().clean)
            .as("seed %d, crash %d: CheckIndex", seed, crash)
            .isTrue();
      }
      // the items written after the last commit are absent after reopening
      try (LuceneArticleIndex reopened = open(disk)) {
        assertThat(reopened.count()).isEqualTo(committed.size());
        for (int i = next - 1; i >= Math.max(0, next - 20); i--) {
          ItemId id = ExactCountsTest.item(i).id();
          assertThat(reopened.get(id).isPresent())
              .as("item %d", i)
              .isEqualTo(committed.contains(i));
        }
      }
    }
    // finally nothing is lost: replaying every item ever written gives each exactly once
    try (LuceneArticleIndex index = open(disk)) {
      for (int i = 0; i < next; i++) {
        index.upsert(ExactCountsTest.item(i));
      }
      index.commit();
      assertThat(index.count()).isEqualTo(next);
    }
    disk.close();
  }

  static LuceneArticleIndex open(Directory disk) throws IOException {
    return LuceneArticleIndex.open(new ProcessView(disk), QueryLimits.DEFAULTS);
  }

  static int pick(Set<Integer> from, Random random) {
    int skip = random.nextInt(from.size());
    for (int i : from) {
      if (skip-- == 0) {
        return i;
      }
    }
    throw new IllegalStateException();
  }

  static List<Integer> sample(Set<Integer> from, Random random) {
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < Math.min(25, from.size()); k++) {
      out.add(pick(from, random));
    }
    return out;
  }
}
