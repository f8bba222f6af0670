package io.themewire.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themewire.index.search.QueryLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk full during a commit, on a real index on disk: a {@link FilterDirectory} that, once the disk
 * is "full", throws the IOException a full disk gives on every write and fsync.
 */
class DiskFullTest {

  static final String ENOSPC = "No space left on device";

  @TempDir Path dir;

  /** The disk under the index; {@link #full} makes every new write or sync fail. */
  static final class FillableDisk extends FilterDirectory {
    final AtomicBoolean full = new AtomicBoolean();

    FillableDisk(Directory in) {
      super(in);
    }

    void check(String what) throws IOException {
      if (full.get()) {
        throw new IOException(ENOSPC + " (" + what + ")");
      }
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      check("create " + name);
      return guarded(in.createOutput(name, context));
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
        throws IOException {
      check("create temp " + prefix);
      return guarded(in.createTempOutput(prefix, suffix, context));
    }

    private IndexOutput guarded(IndexOutput out) {
      return new FilterIndexOutput(out.toString(), out.getName(), out) {
        @Override
        public void writeByte(byte b) throws IOException {
          check("write " + getName());
          super.writeByte(b);
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
          check("write " + getName());
          super.writeBytes(b, offset, length);
        }
      };
    }

    @Override
    public void sync(Collection<String> names) throws IOException {
      check("fsync " + names);
      super.sync(names);
    }

    @Override
    public void rename(String source, String dest) throws IOException {
      check("rename " + source);
      super.rename(source, dest);
    }

    @Override
    public void syncMetaData() throws IOException {
      check("fsync directory");
      super.syncMetaData();
    }
  }

  // RELIABILITY row 43: the disk fills up during a commit. The commit fails with the disk's own
  // error (it is not swallowed, so the poll that needed it is not recorded as done), the index
  // says why it cannot write (writeFailure, which /ready reports as 503 when the writer is
  // lost), the previous commit is intact on disk, and once space frees the same process commits
  // again with nothing lost; a restart from disk holds every acknowledged (committed) item.
  @Test
  void diskFullDuringCommit_failsClearly_keepsThePreviousCommit_andRecoversWhenSpaceFrees()
      throws Exception {
    FillableDisk disk = new FillableDisk(FSDirectory.open(dir));
    LuceneArticleIndex index = LuceneArticleIndex.open(disk, QueryLimits.DEFAULTS);
    for (int i = 0; i < 300; i++) {
      index.upsert(ExactCountsTest.item(i));
    }
    index.commit();

    for (int i = 300; i < 600; i++) {
      index.upsert(ExactCountsTest.item(i));
    }
    disk.full.set(true);
    assertThatThrownBy(index::commit)
        .isInstanceOf(IOException.class)
        .hasStackTraceContaining(ENOSPC);
    assertThat(index.writeFailure()).hasValueSatisfying(r -> assertThat(r).contains(ENOSPC));
    // the previous commit is intact on disk: a reader of the same folder sees exactly it
    try (LuceneArticleReader onDisk = LuceneArticleIndex.openReadOnly(dir)) {
      assertThat(onDisk.count()).isEqualTo(300);
    }

    disk.full.set(false);
    if (index.writeFailure().isPresent() && index.writerLost()) {
      // a tragic event closed the writer: the process reopens the index, and the items not yet
      // committed are written again (replayed from the WAL or polled again)
      try {
        index.close();
      } catch (IOException | RuntimeException alreadyFailed) {
        // the writer is gone
      }
      index =
          LuceneArticleIndex.open(new FillableDisk(FSDirectory.open(dir)), QueryLimits.DEFAULTS);
      assertThat(index.count()).isEqualTo(300);
      for (int i = 300; i < 600; i++) {
        index.upsert(ExactCountsTest.item(i));
      }
    }
    index.commit();
    assertThat(index.writeFailure()).isEmpty();
    assertThat(index.count()).isEqualTo(600);
    index.close();
    try (LuceneArticleIndex reopened = LuceneArticleIndex.open(dir)) {
      assertThat(reopened.count()).isEqualTo(600);
    }
  }

  // RELIABILITY row 43: the disk fills while items are being indexed, before any commit (Lucene
  // flushes a segment when its buffer fills): the upsert or the commit fails with the disk's error,
  // the writer's loss is reported, the committed items are intact and a reopened index takes the
  // replayed rest.
  @Test
  void diskFullWhileFlushing_reportsTheLostWriter_andAReopenedIndexTakesTheReplay()
      throws Exception {
    FillableDisk disk = new FillableDisk(FSDirectory.open(dir));
    LuceneArticleIndex index = LuceneArticleIndex.open(disk, QueryLimits.DEFAULTS);
    for (int i = 0; i < 100; i++) {
      index.upsert(ExactCountsTest.item(i));
    }
    index.commit();
    disk.full.set(true);
    IOException failure = null;
    try {
      for (int i = 100; i < 3_000 && failure == null; i++) {
        index.upsert(ExactCountsTest.item(i)); // every PENDING_LIMIT writes the reader reopens
      }
      index.commit();
    } catch (IOException e) {
      failure = e;
    }
    assertThat(failure).isNotNull().hasStackTraceContaining(ENOSPC);
    assertThat(index.writeFailure()).hasValueSatisfying(r -> assertThat(r).contains(ENOSPC));
    disk.full.set(false);
    try {
      index.close();
    } catch (IOException | RuntimeException e) {
      assertThat(e).hasStackTraceContaining(ENOSPC);
    }
    try (LuceneArticleIndex reopened = LuceneArticleIndex.open(dir)) {
      assertThat(reopened.count()).isGreaterThanOrEqualTo(100);
      for (int i = 0; i < 3_000; i++) {
        reopened.upsert(ExactCountsTest.item(i));
      }
      reopened.commit();
      assertThat(reopened.count()).isEqualTo(3_000);
    }
  }
}
