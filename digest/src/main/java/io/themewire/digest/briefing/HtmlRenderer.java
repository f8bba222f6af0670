package io.themewire.digest.briefing;

import io.themewire.core.message.Direction;
import java.util.List;
import org.owasp.encoder.Encode;

/**
 * Writes a briefing as one email-safe HTML document: inline {@code style} attributes only (no
 * {@code <style>} block, no external sheets, no scripts, no images), every value from the data
 * escaped with the OWASP encoder for its context, and links only to http(s) URLs, each with {@code
 * rel="nofollow noopener noreferrer"}. Deterministic: the same briefing always gives the same
 * bytes.
 */
public final class HtmlRenderer {

  static final String REL = "nofollow noopener noreferrer";

  private static final String FONT = "font-family:Georgia,'Times New Roman',serif;";
  private static final String SANS = "font-family:Helvetica,Arial,sans-serif;";
  private static final String H1 =
      SANS + "font-size:24px;line-height:30px;margin:0 0 4px 0;color:#1b1b1b;";
  private static final String META = SANS + "font-size:13px;line-height:18px;color:#666666;";
  private static final String H2 =
      SANS
          + "font-size:13px;line-height:18px;letter-spacing:1px;text-transform:uppercase;"
          + "color:#8a3b12;margin:28px 0 0 0;padding-top:12px;border-top:2px solid #8a3b12;";
  private static final String H3 =
      FONT + "font-size:19px;line-height:25px;margin:16px 0 6px 0;color:#1b1b1b;";
  private static final String NEW =
      SANS
          + "font-size:11px;line-height:14px;font-weight:bold;color:#ffffff;"
          + "background-color:#2f6f3e;padding:1px 5px;border-radius:3px;vertical-align:middle;";
  private static final String P = FONT + "font-size:16px;line-height:24px;margin:0 0 8px 0;";
  private static final String CITE = SANS + "font-size:13px;color:#666666;";
  private static final String LIST = SANS + "font-size:13px;line-height:19px;margin:4px 0 0 0;";
  private static final String LINK = "color:#1a4f8b;text-decoration:underline;";

  private HtmlRenderer() {}

  /** The briefing as a complete HTML document, ending with a newline. */
  public static String render(Briefing b) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Encode.forHtml(title(b)))
        .append("</title>\n</head>\n")
        .append("<body style=\"margin:0;padding:0;background-color:#f3f2ee;color:#1b1b1b;\">\n")
        .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"")
        .append(" border=\"0\" style=\"background-color:#f3f2ee;\">\n<tr><td align=\"center\"")
        .append(" style=\"padding:24px 12px;\">\n")
        .append("<table role=\"presentation\" width=\"640\" cellpadding=\"0\" cellspacing=\"0\"")
        .append(" border=\"0\" style=\"width:100%;max-width:640px;background-color:#ffffff;\">\n")
        .append("<tr><td style=\"padding:24px 28px;\">\n");
    fragment(h, b);
    h.append("</td></tr>\n</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
    return h.toString();
  }

  /** The briefing's content without the document around it (for feeds). */
  public static String fragment(Briefing b) {
    StringBuilder h = new StringBuilder(4096);
    fragment(h, b);
    return h.toString();
  }

  static String title(Briefing b) {
    return "Themewire briefing — " + b.date() + " (" + b.zone() + ")";
  }

  private static void fragment(StringBuilder h, Briefing b) {
    List<BriefingStory> all = b.stories();
    h.append("<h1 style=\"").append(H1).append("\">Themewire briefing</h1>\n");
    h.append("<p style=\"").append(META).append("margin:0;\">");
    h.append(Encode.forHtml(b.date() + " · " + b.zone()));
    if (all.isEmpty()) {
      h.append(" · no stories on this day</p>\n");
      return;
    }
    h.append(" · ")
        .append(count(all.size(), "story", "stories"))
        .append(" in ")
        .append(count(b.themes().size(), "theme", "themes"))
        .append("</p>\n");
    for (Briefing.ThemeSection section : b.themes()) {
      h.append("<h2 style=\"")
          .append(H2)
          .append("\">")
          .append(Encode.forHtml(section.label()))
          .append("</h2>\n");
      for (BriefingStory s : section.stories()) {
        story(h, s);
      }
    }
  }

  private static void story(StringBuilder h, BriefingStory s) {
    h.append("<h3 style=\"").append(H3).append("\">").append(Encode.forHtml(s.headline()));
    if (s.isNew()) {
      h.append(" <span style=\"").append(NEW).append("\">NEW</span>");
    }
    h.append("</h3>\n");
    if (!s.summary().isEmpty()) {
      h.append("<p style=\"").append(P).append("\">");
      for (int i = 0; i < s.summary().size(); i++) {
        CitedSentence c = s.summary().get(i);
        if (i > 0) {
          h.append(' ');
        }
        h.append(Encode.forHtml(c.text()))
            .append(" <span style=\"")
            .append(CITE)
            .append("\">(")
            .append(Encode.forHtml(String.join(", ", c.sources())))
            .append(")</span>");
      }
      h.append("</p>\n");
    }
    h.append("<p style=\"").append(META).append("margin:0 0 4px 0;\">");
    h.append("Themes: ").append(Encode.forHtml(String.join(", ", s.themes())));
    Direction d = s.direction();
    if (d != null) {
      h.append(" · Direction: ")
          .append(Encode.forHtml(d.from()))
          .append(" → ")
          .append(Encode.forHtml(d.to()));
    }
    h.append(" · Engagement: ")
        .append(count(s.engagement().points(), "point", "points"))
        .append(", ")
        .append(count(s.engagement().comments(), "comment", "comments"))
        .append("</p>\n");
    List<BriefingStory.Link> links =
        s.links().stream().filter(l -> SafeLinks.isHttp(l.url())).toList();
    if (!links.isEmpty()) {
      h.append("<ul style=\"").append(LIST).append("padding-left:18px;\">\n");
      for (BriefingStory.Link l : links) {
        String title = l.title().isBlank() ? l.site() : l.title();
        h.append("<li><a href=\"")
            .append(Encode.forHtmlAttribute(l.url()))
            .append("\" rel=\"")
            .append(REL)
            .append("\" style=\"")
            .append(LINK)
            .append("\">")
            .append(Encode.forHtml(title))
            .append("</a> — ")
            .append(Encode.forHtml(l.site()));
        if (!l.role().equals("source")) {
          h.append(", ").append(Encode.forHtml(l.role()));
        }
        h.append("</li>\n");
      }
      h.append("</ul>\n");
    }
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
