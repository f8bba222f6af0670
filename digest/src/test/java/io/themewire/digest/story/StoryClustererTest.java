package io.themewire.digest.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themewire.core.message.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StoryClustererTest {

  private static final Instant DAY = Instant.parse("2026-11-10T08:00:00Z");

  private final StoryClusterer clusterer = StoryClusterer.standard();

  private static StoryItem item(String id, String site, String title, String text, int hours) {
    return new StoryItem(
        id,
        title,
        text,
        DAY.plusSeconds(hours * 3600L),
        site,
        "https://" + site + "/" + id,
        SourceKind.FEED,
        null);
  }

  private static final List<StoryItem> QUAKES =
      List.of(
          item(
              "q1",
              "wire.example",
              "Strong earthquake shakes eastern Turkey",
              "A magnitude 6.1 earthquake struck near Malatya in eastern Turkey on Tuesday, damaging"
                  + " buildings and killing at least four people, officials in Ankara said.",
              0),
          item(
              "q2",
              "daily.example",
              "Malatya quake: four dead as buildings collapse",
              "Rescuers in Malatya searched collapsed buildings after the magnitude 6.1 quake. The"
                  + " disaster agency in Ankara said four people died in eastern Turkey.",
              3),
          item(
              "q3",
              "coast.example",
              "Earthquake hits off the coast of Japan",
              "A magnitude 6.8 earthquake struck off Hokkaido in northern Japan on Tuesday. The"
                  + " Japan Meteorological Agency issued a brief tsunami advisory for Kushiro.",
              2),
          item(
              "q4",
              "asia.example",
              "Tsunami advisory lifted after Hokkaido quake",
              "Japan lifted a tsunami advisory for Kushiro after the magnitude 6.8 quake off"
                  + " Hokkaido, with no reports of serious damage.",
              5));

  @Test
  void twoEarthquakesInTwoCountries_areTwoStoriesOfTwoSourcesEach() {
    List<Story> stories = clusterer.cluster(QUAKES);

    assertThat(groups(stories)).containsExactlyInAnyOrder(Set.of("q1", "q2"), Set.of("q3", "q4"));
    assertThat(stories).allSatisfy(s -> assertThat(s.sources()).hasSize(2));
  }

  @Test
  void reason_namesWhatTheSourcesShare() {
    Story turkey =
        clusterer.cluster(QUAKES).stream()
            .filter(s -> s.members().stream().anyMatch(m -> m.item().id().equals("q1")))
            .findFirst()
            .orElseThrow();

    assertThat(turkey.reason()).contains("shared names:").contains("Malatya").contains("cosine");
  }

  @Test
  void syndicatedCopies_collapseIntoOneSourceWithCopies() {
    String text =
        "Northwind Robotics will cut 340 jobs in Leeds and Sheffield, the company said on Monday,"
            + " blaming a slump in warehouse orders. Chief executive Dana Whitfield said the cuts"
            + " would be finished by March and that the Leeds plant would stay open.";
    List<StoryItem> items =
        List.of(
            item("orig", "wire.example", "Northwind Robotics to cut 340 jobs", text, 0),
            item("copy1", "paper.example", "Northwind Robotics to cut 340 jobs", text, 2),
            item(
                "copy2",
                "other.example",
                "Northwind to cut 340 jobs in Leeds",
                text + " Shares fell 3 percent.",
                4));

    List<Story> stories = clusterer.cluster(items);

    assertThat(stories).hasSize(1);
    Story story = stories.get(0);
    assertThat(story.sources()).extracting(m -> m.item().id()).containsExactly("orig");
    assertThat(story.members(MemberRole.COPY))
        .extracting(StoryMember::copyOf)
        .containsExactly("orig", "orig");
    assertThat(story.reason()).contains("2 near-identical copies");
  }

  @Test
  void discussionThread_attachesToTheArticleItDiscusses() {
    StoryItem article = QUAKES.get(0);
    StoryItem thread =
        new StoryItem(
            "hn1",
            "Strong earthquake shakes eastern Turkey",
            "Comments: my family there is fine. Building codes matter.",
            DAY.plusSeconds(7200),
            "news.ycombinator.com",
            "https://news.ycombinator.com/item?id=1",
            SourceKind.DISCUSSION,
            article.url());

    List<Story> stories = clusterer.cluster(List.of(article, thread, QUAKES.get(2)));

    Story turkey = stories.stream().filter(s -> s.members().size() == 2).findFirst().orElseThrow();
    assertThat(turkey.members())
        .extracting(m -> m.item().id(), StoryMember::role, StoryMember::copyOf)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("q1", MemberRole.SOURCE, null),
            org.assertj.core.groups.Tuple.tuple("hn1", MemberRole.DISCUSSION, "q1"));
    assertThat(turkey.reason()).contains("1 discussion");
  }

  @Test
  void commentsOfAThreadAboutNoArticle_joinTheThreadRoot() {
    StoryItem root =
        new StoryItem(
            "root",
            "Ask: anyone else moving back from management?",
            "I am thinking about it.",
            DAY,
            "forum.example",
            "https://forum.example/t/1",
            SourceKind.DISCUSSION,
            null);
    StoryItem c1 =
        new StoryItem(
            "c1", "", "Yes, last year.", DAY, "forum.example", null, SourceKind.DISCUSSION, "root");
    StoryItem c2 =
        new StoryItem(
            "c2", "", "No regrets.", DAY, "forum.example", null, SourceKind.DISCUSSION, "root");

    List<Story> stories = clusterer.cluster(List.of(c2, root, c1, QUAKES.get(0)));

    Story thread = stories.get(0);
    assertThat(thread.members())
        .extracting(m -> m.item().id(), StoryMember::role)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("root", MemberRole.SOURCE),
            org.assertj.core.groups.Tuple.tuple("c1", MemberRole.DISCUSSION),
            org.assertj.core.groups.Tuple.tuple("c2", MemberRole.DISCUSSION));
    assertThat(thread.headline()).isEqualTo(root.title());
  }

  @Test
  void sameTopicMonthsApart_areTwoStories() {
    StoryItem early =
        item(
            "a",
            "wire.example",
            "Acme Corp lays off staff",
            "Acme Corp said it will lay off 200 staff at its Denver plant.",
            0);
    StoryItem late =
        item(
            "b",
            "wire.example",
            "Acme Corp lays off staff",
            "Acme Corp said it will lay off 150 staff at its Denver office.",
            24 * 120);

    assertThat(clusterer.cluster(List.of(early, late))).hasSize(2);
  }

  @Test
  void cluster_isTheSameWhateverTheInputOrder() {
    List<StoryItem> items = new ArrayList<>(QUAKES);
    List<Story> expected = clusterer.cluster(items);
    Random random = new Random(8);
    for (int round = 0; round < 10; round++) {
      Collections.shuffle(items, random);
      assertThat(clusterer.cluster(items)).isEqualTo(expected);
    }
  }

  @Test
  void everyItemIsInExactlyOneStory() {
    List<Story> stories = clusterer.cluster(QUAKES);

    List<String> ids =
        stories.stream().flatMap(s -> s.members().stream()).map(m -> m.item().id()).toList();
    assertThat(ids).containsExactlyInAnyOrder("q1", "q2", "q3", "q4");
    assertThat(stories).allSatisfy(s -> assertThat(s.id()).matches("s-[0-9a-f]{16}"));
  }

  @Test
  void duplicateIds_areRejected() {
    assertThatThrownBy(() -> clusterer.cluster(List.of(QUAKES.get(0), QUAKES.get(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("q1");
  }

  @Test
  void noItems_noStories() {
    assertThat(clusterer.cluster(List.of())).isEmpty();
  }

  private static Set<Set<String>> groups(List<Story> stories) {
    return stories.stream()
        .map(s -> s.members().stream().map(m -> m.item().id()).collect(Collectors.toSet()))
        .collect(Collectors.toSet());
  }
}
