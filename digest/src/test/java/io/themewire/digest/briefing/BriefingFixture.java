package io.themewire.digest.briefing;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.digest.DayWindow;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Two days of invented items: on 2026-11-23 one article; on 2026-11-24 a story two sites report
 * (sharing one sentence nearly word for word) with a syndicated copy and a Hacker News thread, a
 * thread about the 23rd's article (a continuing story), a single-source story, and an off-topic
 * item the briefing leaves out.
 */
final class BriefingFixture {

  static final ZoneId ZONE = ZoneId.of("UTC");
  static final DayWindow DAY_23 = new DayWindow(LocalDate.parse("2026-11-23"), ZONE);
  static final DayWindow DAY_24 = new DayWindow(LocalDate.parse("2026-11-24"), ZONE);

  static final Map<String, String> LABELS =
      java.util.Collections.unmodifiableMap(
          new java.util.LinkedHashMap<>(
              Map.of(
                  "ic-to-manager", "IC to manager",
                  "manager-to-ic", "Manager to IC",
                  "ic-leadership", "Senior IC leadership",
                  "career-framework", "Career frameworks",
                  "other", "Other")));

  static final String QUILL = "https://quillmark.example/2026/11/24/harbourline-staff-track";
  static final String LADDER =
      "https://www.ladderlines.example/p/harbourline-pays-staff-like-directors";
  static final String QUILL_COPY = "https://syndicate.example/wire/harbourline-staff-track";
  static final String HN_1 = "https://news.ycombinator.com/item?id=51000001";
  static final String ARTICLE_23 = "https://orbitnotes.example/essays/leaving-the-director-chair";
  static final String HN_2 = "https://news.ycombinator.com/item?id=51000101";
  static final String SOLO = "https://fernbrook.example/blog/first-week-as-a-manager";
  static final String OFF = "https://toolbench.example/posts/package-manager-release";

  static final ClassifiedItem QUILL_ITEM =
      TestItems.at(QUILL)
          .title("Harbourline opens a staff track with director pay")
          .published("2026-11-24T09:30:00Z")
          .theme("career-framework", 0.71)
          .theme("ic-leadership", 0.52)
          .sentence(
              "Harbourline, the maritime software company, has published a new career ladder for its 300 engineers.",
              0.62)
          .sentence(
              "Staff and principal engineers will be paid on the same bands as directors from 1 March.",
              0.81)
          .sentence("It took two years.", 0.4)
          .sentence(
              "The company said promotions to staff will need a written case reviewed by a committee.",
              0.66)
          .copyAt(QUILL_COPY)
          .build();

  static final ClassifiedItem LADDER_ITEM =
      TestItems.at(LADDER)
          .title("Harbourline will pay staff engineers like directors")
          .published("2026-11-24T14:05:00Z")
          .theme("ic-leadership", 0.66)
          .theme("career-framework", 0.6)
          .sentence(
              "From 1 March, staff and principal engineers will be paid on the same bands as directors.",
              0.78)
          .sentence(
              "That matters more than any rubric, because pay is where a company shows which track it believes in.",
              0.7)
          .sentence(
              "Engineers who switch tracks keep their level, so nobody takes a pay cut to go back to code.",
              0.64)
          .build();

  static final ClassifiedItem HN_1_ITEM =
      TestItems.at(HN_1)
          .title("Harbourline opens a staff track with director pay")
          .published("2026-11-24T10:12:00Z")
          .discussion(QUILL, 120, 45)
          .theme("career-framework", 0.55)
          .build();

  static final ClassifiedItem ARTICLE_23_ITEM =
      TestItems.at(ARTICLE_23)
          .title("Leaving the director chair after eight years")
          .published("2026-11-23T18:40:00Z")
          .theme("manager-to-ic", 0.83)
          .direction("director", "principal engineer")
          .sentence(
              "After eight years as a director I asked to become a principal engineer again.", 0.86)
          .sentence(
              "My manager agreed on one condition: that I stay for the reorganisation in January.",
              0.58)
          .sentence("I miss the people, but not the calendar.", 0.5)
          .build();

  static final ClassifiedItem HN_2_ITEM =
      TestItems.at(HN_2)
          .title("Leaving the director chair after eight years")
          .published("2026-11-24T07:02:00Z")
          .discussion(ARTICLE_23, 64, 31)
          .theme("manager-to-ic", 0.61)
          .build();

  static final ClassifiedItem SOLO_ITEM =
      TestItems.at(SOLO)
          .title("My first week as an engineering manager")
          .published("2026-11-24T21:15:00Z")
          .theme("ic-to-manager", 0.88)
          .direction("senior engineer", "engineering manager")
          .sentence(
              "On Monday I stopped being a senior engineer and became the manager of the team I had worked on for three years.",
              0.84)
          .sentence("The first surprise was how little of my calendar was mine.", 0.63)
          .sentence("The second was how much my former peers expected me to have answers.", 0.57)
          .build();

  static final ClassifiedItem OFF_ITEM =
      TestItems.at(OFF)
          .title("Toolbench 4.0: a faster package manager")
          .published("2026-11-24T11:00:00Z")
          .theme("other", 0.93)
          .sentence("Toolbench 4.0 resolves dependencies twice as fast as the last release.", 0.2)
          .build();

  static final List<ClassifiedItem> DAY_24_ITEMS =
      List.of(QUILL_ITEM, LADDER_ITEM, HN_1_ITEM, ARTICLE_23_ITEM, HN_2_ITEM, SOLO_ITEM, OFF_ITEM);

  /** The stories as the fixture means them. */
  static FixedClusterer clusterer() {
    return new FixedClusterer(
        List.of(List.of(QUILL, LADDER, HN_1), List.of(ARTICLE_23, HN_2), List.of(SOLO)));
  }

  static BriefingBuilder builder() {
    return new BriefingBuilder(clusterer(), Summarizer.extractive(), LABELS, ThemeSpikes.none());
  }

  /** The briefing of the 23rd. */
  static Briefing previous() {
    return builder().build(DAY_23, List.of(ARTICLE_23_ITEM), BriefingBuilder.Previous.none());
  }

  /** The briefing of the 24th, after the 23rd's. */
  static Briefing today() {
    return builder()
        .build(
            DAY_24,
            DAY_24_ITEMS,
            new BriefingBuilder.Previous(previous(), List.of(ARTICLE_23_ITEM)));
  }

  private BriefingFixture() {}
}
