package io.themewire.digest.briefing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.themewire.core.message.Direction;
import java.util.List;
import java.util.Objects;

/**
 * One story as the briefing tells it.
 *
 * @param id the story id (see {@code io.themewire.digest.story.Story#idOf})
 * @param headline the headline, never null
 * @param isNew true when no member of the story was in the previous archived briefing
 * @param summary two to four extractive sentences, each with its sources (fewer only when the
 *     members have fewer usable sentences)
 * @param themes the story's themes, strongest first
 * @param direction the career move the story describes, or null
 * @param engagement points and comments summed over the members (discussion threads above all)
 * @param links every member's http(s) link, sources first
 */
@JsonPropertyOrder({
  "id",
  "headline",
  "new",
  "summary",
  "themes",
  "direction",
  "engagement",
  "links"
})
public record BriefingStory(
    String id,
    String headline,
    @JsonProperty("new") boolean isNew,
    List<CitedSentence> summary,
    List<String> themes,
    @JsonInclude(JsonInclude.Include.ALWAYS) Direction direction,
    Totals engagement,
    List<Link> links) {

  public BriefingStory {
    Objects.requireNonNull(id, "id");
    headline = headline == null ? "" : headline;
    summary = List.copyOf(summary == null ? List.of() : summary);
    themes = List.copyOf(themes == null ? List.of() : themes);
    engagement = engagement == null ? new Totals(0, 0) : engagement;
    links = List.copyOf(links == null ? List.of() : links);
  }

  /** The same story marked new or not. */
  public BriefingStory withNew(boolean value) {
    return new BriefingStory(id, headline, value, summary, themes, direction, engagement, links);
  }

  /** Points and comments, summed; zero when no member says. */
  @JsonPropertyOrder({"points", "comments"})
  public record Totals(long points, long comments) {}

  /**
   * A member's link.
   *
   * @param url an http or https URL, never anything else
   * @param site its host without {@code www.}
   * @param title the linked item's title (may be empty for untitled posts)
   * @param role {@code source}, {@code copy} or {@code discussion}
   * @param item the id of the member item behind the link (a copy's link names the item it was
   *     merged into)
   */
  @JsonPropertyOrder({"url", "site", "title", "role", "item"})
  public record Link(String url, String site, String title, String role, String item) {
    public Link {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(role, "role");
      if (!SafeLinks.isHttp(url)) {
        throw new IllegalArgumentException("only http(s) links: " + url);
      }
      site = site == null ? "" : site;
      title = title == null ? "" : title;
    }
  }
}
