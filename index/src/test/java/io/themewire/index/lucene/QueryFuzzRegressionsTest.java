package io.themewire.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays every query the query fuzzer ({@link QueryParserFuzzTest}) ever failed on, kept one per
 * file (UTF-8, the whole file is the query) under {@code
 * src/test/resources/fuzz-regressions/queries/}: a bug fixed once stays fixed.
 */
class QueryFuzzRegressionsTest {

  private static final Path DIR = Path.of("src/test/resources/fuzz-regressions/queries");

  @TempDir Path index;

  @Test
  void everyKeptQuery_isAnsweredOrRefusedWithATypedReason() throws IOException {
    List<Path> kept;
    try (Stream<Path> files = Files.list(DIR)) {
      kept = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(kept).isNotEmpty();
    try (LuceneArticleIndex idx = QueryParserFuzzTest.smallIndex(index)) {
      for (Path p : kept) {
        QueryParserFuzzTest.check(idx, Files.readString(p, StandardCharsets.UTF_8));
      }
    }
  }
}
