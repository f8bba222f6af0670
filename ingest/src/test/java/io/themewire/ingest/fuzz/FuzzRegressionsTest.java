package io.themewire.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.ingest.extract.ArticleExtractor;
import io.themewire.ingest.feed.FeedParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays every input the fuzzers ever failed on (and the hostile inputs that broke peers), kept
 * under {@code src/test/resources/fuzz-regressions/}: a bug fixed once stays fixed.
 */
class FuzzRegressionsTest {

  private static final Path DIR = Path.of("src/test/resources/fuzz-regressions");

  @Test
  void everyKeptFeedInput_parsesOrFailsWithATypedReason() {
    List<Path> kept = Mutations.files(DIR.resolve("feeds"), ".bin", ".xml");
    assertThat(kept).isNotEmpty();
    FeedParser parser = new FeedParser();
    for (Path p : kept) {
      ParserFuzzTest.checkFeed(parser, Mutations.read(p));
    }
  }

  @Test
  void everyKeptPageInput_givesAnArticleWithInertText() {
    List<Path> kept = Mutations.files(DIR.resolve("pages"), ".bin", ".html");
    assertThat(kept).isNotEmpty();
    ArticleExtractor extractor = new ArticleExtractor();
    for (Path p : kept) {
      ParserFuzzTest.checkPage(extractor, Mutations.read(p));
    }
  }
}
