package io.themewire.kafka.stage;

import java.io.IOException;
import java.util.Map;

/**
 * A store that keeps the consumed offsets inside its own commit, so that its contents and its
 * position in the log become durable together (the Lucene index: commit user data). Keys are {@code
 * <topic>-<partition>}, values the next offset to read.
 */
public interface Checkpoint {

  /** The offsets saved with the last commit; empty for a new store. */
  Map<String, String> read() throws IOException;

  /** Makes every write so far durable, together with these offsets. */
  void commit(Map<String, String> offsets) throws IOException;
}
