package io.themewire.digest.briefing;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One day's briefing: stories grouped by theme, each group's stories ranked best first. Built by
 * {@link BriefingBuilder}, rendered by {@link BriefingFormat}; its JSON form (the shape of {@code
 * GET /api/digest?format=json}) is also what the archive keeps, so a briefing reads back equal.
 *
 * @param date the calendar day it covers, in {@code zone}
 * @param zone the time-zone id whose day it covers ({@code Europe/Berlin}, {@code UTC})
 * @param themes theme groups, most important first; may be empty (a quiet day)
 */
@JsonPropertyOrder({"date", "zone", "themes"})
public record Briefing(LocalDate date, String zone, List<ThemeSection> themes) {

  public Briefing {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(zone, "zone");
    themes = List.copyOf(themes == null ? List.of() : themes);
  }

  /** Every story of the briefing, in reading order. */
  public List<BriefingStory> stories() {
    return themes.stream().flatMap(t -> t.stories().stream()).toList();
  }

  /**
   * One theme's stories.
   *
   * @param theme the theme id
   * @param label its human-readable label
   * @param stories its stories, best first; never empty in a built briefing
   */
  @JsonPropertyOrder({"theme", "label", "stories"})
  public record ThemeSection(String theme, String label, List<BriefingStory> stories) {
    public ThemeSection {
      Objects.requireNonNull(theme, "theme");
      label = label == null || label.isBlank() ? theme : label;
      stories = List.copyOf(stories == null ? List.of() : stories);
    }
  }
}
