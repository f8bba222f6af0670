package io.themewire.digest.briefing;

import static io.themewire.digest.briefing.BriefingFixture.DAY_24;
import static io.themewire.digest.briefing.BriefingFixture.DAY_24_ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.ClassifiedItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BriefingBuilderTest {

  private final Briefing today = BriefingFixture.today();

  private BriefingStory story(String headlineStart) {
    return today.stories().stream()
        .filter(s -> s.headline().startsWith(headlineStart))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void sentenceTwoSitesShare_isToldOnce_citingBoth() {
    BriefingStory harbourline = story("Harbourline");
    List<CitedSentence> shared =
        harbourline.summary().stream().filter(c -> c.sources().size() > 1).toList();
    assertThat(shared).hasSize(1);
    // told in the words of the member where it weighs most (first in its text), that site first
    assertThat(shared.get(0).sources()).containsExactly("ladderlines.example", "quillmark.example");
    assertThat(shared.get(0).items())
        .containsExactly(
            BriefingFixture.LADDER_ITEM.id().value(), BriefingFixture.QUILL_ITEM.id().value());
    assertThat(shared.get(0).text())
        .isEqualTo(
            "From 1 March, staff and principal engineers will be paid on the same bands as"
                + " directors.");
  }

  @Test
  void summaries_haveTwoToFourSentences_noneSaidTwice_noneOfThemTheTitle() {
    for (BriefingStory s : today.stories()) {
      if (s.headline().startsWith("Leaving")) {
        continue; // its one article has three sentences, one of them a back-reference
      }
      assertThat(s.summary()).hasSizeBetween(2, 4);
      for (int i = 0; i < s.summary().size(); i++) {
        CitedSentence c = s.summary().get(i);
        assertThat(c.sources()).isNotEmpty();
        assertThat(c.text()).isNotEqualTo(s.headline());
        for (int j = i + 1; j < s.summary().size(); j++) {
          assertThat(
                  ExtractiveSummarizer.same(
                      ExtractiveSummarizer.words(c.text()),
                      ExtractiveSummarizer.words(s.summary().get(j).text())))
              .isFalse();
        }
      }
    }
  }

  @Test
  void sentenceThatOpensByPointingBack_losesToOnesThatStandAlone() {
    assertThat(story("Harbourline").summary())
        .extracting(CitedSentence::text)
        .doesNotContain("It took two years.")
        .noneMatch(t -> t.startsWith("That matters"));
  }

  @Test
  void storyGoingOnFromThePreviousBriefing_isNotNew_othersAre() {
    assertThat(story("Leaving the director chair").isNew()).isFalse();
    assertThat(story("Harbourline").isNew()).isTrue();
    assertThat(story("My first week").isNew()).isTrue();
  }

  @Test
  void withoutAPreviousBriefing_everyStoryIsNew() {
    Briefing b =
        BriefingFixture.builder().build(DAY_24, DAY_24_ITEMS, BriefingBuilder.Previous.none());
    assertThat(b.stories()).allMatch(BriefingStory::isNew);
  }

  @Test
  void offTopicItems_areLeftOut() {
    assertThat(today.stories())
        .extracting(BriefingStory::headline)
        .noneMatch(h -> h.contains("Toolbench"));
    assertThat(today.themes()).extracting(Briefing.ThemeSection::theme).doesNotContain("other");
  }

  @Test
  void storyWithTwoSourcesAndADiscussion_leadsTheBriefing() {
    assertThat(today.themes().get(0).theme()).isEqualTo("career-framework");
    BriefingStory first = today.stories().get(0);
    assertThat(first.headline()).startsWith("Harbourline");
    assertThat(first.engagement()).isEqualTo(new BriefingStory.Totals(120, 45));
    assertThat(first.themes()).containsExactly("career-framework", "ic-leadership");
    assertThat(first.links())
        .extracting(BriefingStory.Link::role, BriefingStory.Link::site)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("source", "quillmark.example"),
            org.assertj.core.groups.Tuple.tuple("source", "ladderlines.example"),
            org.assertj.core.groups.Tuple.tuple("discussion", "news.ycombinator.com"),
            org.assertj.core.groups.Tuple.tuple("copy", "syndicate.example"));
  }

  @Test
  void themeSpike_liftsItsStoriesAboveOthers() {
    Briefing spiking =
        BriefingFixture.builder()
            .withSpikes((theme, day) -> theme.equals("ic-to-manager") ? 4.0 : 0)
            .build(DAY_24, DAY_24_ITEMS, BriefingBuilder.Previous.none());
    assertThat(spiking.themes().get(0).theme()).isEqualTo("ic-to-manager");
  }

  @Test
  void storyDirection_isTheMoveItsSourceDescribes() {
    assertThat(story("My first week").direction().from()).isEqualTo("senior engineer");
    assertThat(story("Harbourline").direction()).isNull();
  }

  @Test
  void itemOrder_doesNotChangeTheBriefing() {
    List<ClassifiedItem> shuffled = new ArrayList<>(DAY_24_ITEMS);
    for (long seed = 1; seed <= 5; seed++) {
      Collections.shuffle(shuffled, new Random(seed));
      Briefing b =
          BriefingFixture.builder()
              .build(
                  DAY_24,
                  shuffled,
                  new BriefingBuilder.Previous(
                      BriefingFixture.previous(), List.of(BriefingFixture.ARTICLE_23_ITEM)));
      assertThat(JsonRenderer.render(b)).isEqualTo(JsonRenderer.render(today));
    }
  }

  @Test
  void quietDay_givesAnEmptyBriefing_inEveryFormat() {
    Briefing empty =
        BriefingFixture.builder()
            .build(DAY_24, List.of(BriefingFixture.OFF_ITEM), BriefingBuilder.Previous.none());
    assertThat(empty.themes()).isEmpty();
    assertThat(MarkdownRenderer.render(empty)).contains("No stories on this day.");
    assertThat(HtmlRenderer.render(empty)).contains("no stories on this day");
    assertThat(AtomRenderer.render(List.of(empty))).contains("No stories on this day.");
  }
}
