package io.themewire.digest.briefing;

import io.themewire.core.message.Direction;
import java.util.List;

/**
 * Writes a briefing as Markdown. Every piece of text from the data is escaped so that it reads as
 * text in any CommonMark renderer: no markup, no raw HTML, no links but the members' own http(s)
 * URLs. Deterministic: the same briefing always gives the same bytes.
 */
public final class MarkdownRenderer {

  private MarkdownRenderer() {}

  /** The briefing as Markdown, ending with a newline. */
  public static String render(Briefing b) {
    StringBuilder md = new StringBuilder();
    md.append("# Themewire briefing — ")
        .append(b.date())
        .append(" (")
        .append(text(b.zone()))
        .append(")\n\n");
    List<BriefingStory> all = b.stories();
    if (all.isEmpty()) {
      md.append("No stories on this day.\n");
      return md.toString();
    }
    md.append(count(all.size(), "story", "stories"))
        .append(" in ")
        .append(count(b.themes().size(), "theme", "themes"))
        .append(".\n");
    for (Briefing.ThemeSection section : b.themes()) {
      md.append("\n## ").append(text(section.label())).append("\n");
      for (BriefingStory s : section.stories()) {
        story(md, s);
      }
    }
    return md.toString();
  }

  private static void story(StringBuilder md, BriefingStory s) {
    md.append("\n### ").append(text(s.headline()));
    if (s.isNew()) {
      md.append(" *(new)*");
    }
    md.append("\n\n");
    if (!s.summary().isEmpty()) {
      for (int i = 0; i < s.summary().size(); i++) {
        CitedSentence c = s.summary().get(i);
        if (i > 0) {
          md.append(' ');
        }
        md.append(text(c.text())).append(" (").append(text(String.join(", ", c.sources())));
        md.append(')');
      }
      md.append("\n\n");
    }
    md.append("*Themes:* ").append(text(String.join(", ", s.themes())));
    Direction d = s.direction();
    if (d != null) {
      md.append(" · *Direction:* ").append(text(d.from())).append(" → ").append(text(d.to()));
    }
    md.append(" · *Engagement:* ")
        .append(count(s.engagement().points(), "point", "points"))
        .append(", ")
        .append(count(s.engagement().comments(), "comment", "comments"))
        .append("\n");
    if (!s.links().isEmpty()) {
      md.append('\n');
      for (BriefingStory.Link l : s.links()) {
        String title = l.title().isBlank() ? l.site() : l.title();
        md.append("- [")
            .append(text(title))
            .append("](")
            .append(destination(l.url()))
            .append(") — ")
            .append(text(l.site()));
        if (!l.role().equals("source")) {
          md.append(", ").append(text(l.role()));
        }
        md.append('\n');
      }
    }
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /**
   * Text from the data as Markdown text: on one line, with every character that could start markup
   * (emphasis, links, images, code, raw HTML, entities, tables) backslash-escaped.
   */
  static String text(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      if ("\\`*_[]<>|~&".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** An http(s) URL as a link destination: the characters that would end it percent-encoded. */
  static String destination(String url) {
    StringBuilder out = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      switch (c) {
        case '(' -> out.append("%28");
        case ')' -> out.append("%29");
        case '<' -> out.append("%3C");
        case '>' -> out.append("%3E");
        case '\\' -> out.append("%5C");
        case '"' -> out.append("%22");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
