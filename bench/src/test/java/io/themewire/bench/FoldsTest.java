package io.themewire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FoldsTest {

  @Test
  void site_isTheHostWithoutWww() {
    assertThat(Folds.site("https://www.Example.com/a/b?c")).isEqualTo("example.com");
    assertThat(Folds.site("http://news.example.co.uk:8080/x")).isEqualTo("news.example.co.uk");
    assertThat(Folds.site("https://example.org/has space|pipe")).isEqualTo("example.org");
  }

  @Test
  void split_putsEachSiteInExactlyOneFoldAndEveryPageSomewhere() throws Exception {
    Path dir = Path.of("..", "..", "shared", "corpora", "article-extraction");
    Assumptions.assumeTrue(Files.isDirectory(dir), "shared corpus not present");
    Corpus corpus = Corpus.load(dir);
    Map<String, String> sites = Folds.sites(corpus);
    assertThat(new HashSet<>(sites.values())).hasSize(126);

    List<List<String>> folds = Folds.split(corpus, 5);

    Set<String> seenPages = new HashSet<>();
    Set<String> seenSites = new HashSet<>();
    for (List<String> fold : folds) {
      assertThat(fold.size()).isBetween(20, 60);
      Set<String> foldSites = new HashSet<>();
      for (String id : fold) {
        assertThat(seenPages.add(id)).isTrue();
        foldSites.add(sites.get(id));
      }
      for (String s : foldSites) {
        assertThat(seenSites.add(s)).as("site %s in two folds", s).isTrue();
      }
    }
    assertThat(seenPages).hasSize(181);
  }
}
