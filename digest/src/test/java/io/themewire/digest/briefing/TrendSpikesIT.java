package io.themewire.digest.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.index.lucene.LuceneArticleReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The briefing's ranking with spikes from the index's trends, over a real Lucene index on disk:
 * eight weeks of steady volume in every theme, then the briefing day, once quiet and once with a
 * burst in the theme of the day's weakest story.
 */
class TrendSpikesIT {

  static final LocalDate DAY = BriefingFixture.DAY_24.date();
  static final String SPIKING = "ic-to-manager"; // the theme of the fixture's single-source story

  @TempDir Path tmp;

  /** Two items a day in each theme for the eight weeks (and a day) before the briefing day. */
  private static List<ClassifiedItem> history() {
    List<ClassifiedItem> items = new ArrayList<>();
    String[] themes = {"ic-to-manager", "manager-to-ic", "ic-leadership", "career-framework"};
    for (int d = 1; d <= 57; d++) {
      LocalDate date = DAY.minusDays(d);
      for (String theme : themes) {
        for (int k = 0; k < 2; k++) {
          items.add(
              TestItems.at("https://history.example/" + theme + "/" + date + "/" + k)
                  .title("Older note " + k + " on " + theme)
                  .published(date + "T1" + k + ":00:00Z")
                  .theme(theme, 0.8)
                  .sentence("An older note about " + theme + " written on " + date + ".", 0.5)
                  .build());
        }
      }
    }
    return items;
  }

  /**
   * Ten comments in the spiking theme on the briefing day under one thread: the trends count them,
   * the briefing tells no comment, so the day's stories are the same as in the quiet corpus.
   */
  private static List<ClassifiedItem> burst() {
    List<ClassifiedItem> items = new ArrayList<>();
    ItemId thread = BriefingFixture.SOLO_ITEM.id();
    for (int i = 0; i < 10; i++) {
      items.add(
          TestItems.at("https://news.ycombinator.com/item?id=5200000" + i)
              .published("2026-11-24T1" + i + ":30:00Z")
              .comment(thread)
              .theme(SPIKING, 0.7)
              .sentence("Comment " + i + ": the first month as a new manager is the hardest.", 0.5)
              .build());
    }
    return items;
  }

  private Path index(String name, List<ClassifiedItem> items) throws IOException {
    Path dir = tmp.resolve(name);
    try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
      for (ClassifiedItem item : items) {
        index.upsert(item);
      }
      index.commit();
    }
    return dir;
  }

  private static Briefing withSpikes(LuceneArticleReader reader) throws IOException {
    return Briefings.overIndex(reader, BriefingFixture.LABELS, null)
        .briefing(DAY, BriefingFixture.ZONE);
  }

  private static Briefing withoutSpikes(LuceneArticleReader reader) throws IOException {
    return new Briefings(reader, BriefingBuilder.standard(BriefingFixture.LABELS), null)
        .briefing(DAY, BriefingFixture.ZONE);
  }

  private static List<String> themeOrder(Briefing b) {
    return b.themes().stream().map(Briefing.ThemeSection::theme).toList();
  }

  @Test
  void themeWithASpikeOnTheBriefingDay_ranksItsStoryAboveStoriesWithMoreSources()
      throws IOException {
    List<ClassifiedItem> items = new ArrayList<>(history());
    items.addAll(BriefingFixture.DAY_24_ITEMS);
    items.addAll(burst());
    try (LuceneArticleReader reader = LuceneArticleReader.open(index("spiking", items))) {
      TrendSpikes spikes = new TrendSpikes(reader);
      assertThat(spikes.score(SPIKING, BriefingFixture.DAY_24)).isGreaterThanOrEqualTo(4.0);
      assertThat(spikes.score("career-framework", BriefingFixture.DAY_24)).isZero();
      assertThat(spikes.score(SPIKING, BriefingFixture.DAY_23)).isZero();

      Briefing plain = withoutSpikes(reader);
      Briefing spiked = withSpikes(reader);
      // Without spikes the two-site story with its thread leads and the single-source one is last;
      // the spike puts the single-source story's theme first. The stories themselves are the same.
      assertThat(themeOrder(plain)).containsExactly("career-framework", "manager-to-ic", SPIKING);
      assertThat(themeOrder(spiked)).containsExactly(SPIKING, "career-framework", "manager-to-ic");
      assertThat(spiked.stories().get(0).headline())
          .isEqualTo(BriefingFixture.SOLO_ITEM.item().title());
      assertThat(spiked.stories()).containsExactlyInAnyOrderElementsOf(plain.stories());
    }
  }

  @Test
  void quietCorpus_spikesChangeNothing_inAnyFormat() throws IOException {
    List<ClassifiedItem> items = new ArrayList<>(history());
    items.addAll(BriefingFixture.DAY_24_ITEMS);
    try (LuceneArticleReader reader = LuceneArticleReader.open(index("quiet", items))) {
      for (String theme : BriefingFixture.LABELS.keySet()) {
        assertThat(new TrendSpikes(reader).score(theme, BriefingFixture.DAY_24)).as(theme).isZero();
      }
      Briefing plain = withoutSpikes(reader);
      Briefing spiked = withSpikes(reader);
      assertThat(themeOrder(plain)).containsExactly("career-framework", "manager-to-ic", SPIKING);
      assertThat(JsonRenderer.render(spiked)).isEqualTo(JsonRenderer.render(plain));
      assertThat(MarkdownRenderer.render(spiked)).isEqualTo(MarkdownRenderer.render(plain));
      assertThat(HtmlRenderer.render(spiked)).isEqualTo(HtmlRenderer.render(plain));
    }
  }

  @Test
  void spikesOfADay_ignoreWhatWasPublishedAfterIt() throws IOException {
    List<ClassifiedItem> items = new ArrayList<>(history());
    items.addAll(BriefingFixture.DAY_24_ITEMS);
    for (ClassifiedItem c : burst()) { // the same burst, a day later
      items.add(
          TestItems.at(c.item().url().value())
              .published(c.item().published().at().plusSeconds(86_400).toString())
              .comment(BriefingFixture.SOLO_ITEM.id())
              .theme(SPIKING, 0.7)
              .sentence(c.item().text(), 0.5)
              .build());
    }
    try (LuceneArticleReader reader = LuceneArticleReader.open(index("later", items))) {
      assertThat(new TrendSpikes(reader).score(SPIKING, BriefingFixture.DAY_24)).isZero();
      assertThat(
              new TrendSpikes(reader)
                  .score(
                      SPIKING,
                      new io.themewire.digest.DayWindow(DAY.plusDays(1), BriefingFixture.ZONE)))
          .isGreaterThan(0);
      assertThat(JsonRenderer.render(withSpikes(reader)))
          .isEqualTo(JsonRenderer.render(withoutSpikes(reader)));
    }
  }
}
