package io.themewire.ingest.extract;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from HTML the way a reader sees it: block elements become paragraphs separated by a
 * blank line, {@code <br>} a line break, runs of white space one space. Scripts, styles and
 * templates are never text. Thread-safe (stateless).
 */
public final class HtmlText {

  static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "header",
          "footer",
          "aside",
          "nav",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "pre",
          "table",
          "tr",
          "figure",
          "figcaption",
          "form",
          "hr",
          "address",
          "details",
          "summary",
          "body");

  private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "head");

  private HtmlText() {}

  /** The text of an HTML fragment (a feed's description, a comment). */
  public static String fromHtml(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return normalise(html);
    }
    return of(Jsoup.parseBodyFragment(html).body());
  }

  /** The text of an element and its descendants. */
  public static String of(Element root) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          int skipped;
          int pre;

          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              if (skipped == 0) {
                appendText(out, text.getWholeText(), pre > 0);
              }
            } else if (node instanceof Element el) {
              String name = el.normalName();
              if (SKIP.contains(name)) {
                skipped++;
              } else if (name.equals("pre")) {
                pre++;
              }
              if (name.equals("br")) {
                trimTrailingSpace(out);
                out.append('\n');
              } else if (BLOCKS.contains(name)) {
                paragraphBreak(out);
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element el) {
              String name = el.normalName();
              if (SKIP.contains(name)) {
                skipped--;
              } else if (name.equals("pre")) {
                pre--;
              }
              if (BLOCKS.contains(name)) {
                paragraphBreak(out);
              }
            }
          }
        },
        root);
    return out.toString().strip();
  }

  /** The text stripped, each run of ASCII white space one space. */
  static String collapse(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B') {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Collapses white space to single spaces, keeping paragraph breaks. */
  public static String normalise(String text) {
    StringBuilder out = new StringBuilder();
    for (String para : text.split("\\n\\s*\\n")) {
      String p = para.replaceAll("[\\s\\u00A0]+", " ").strip();
      if (!p.isEmpty()) {
        if (out.length() > 0) {
          out.append("\n\n");
        }
        out.append(p);
      }
    }
    return out.toString();
  }

  private static void appendText(StringBuilder out, String text, boolean pre) {
    if (pre) {
      out.append(text);
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) != ' ' && out.charAt(len - 1) != '\n') {
          out.append(' ');
        }
      } else {
        out.append(c);
      }
    }
  }

  private static void trimTrailingSpace(StringBuilder out) {
    while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
      out.setLength(out.length() - 1);
    }
  }

  private static void paragraphBreak(StringBuilder out) {
    trimTrailingSpace(out);
    int len = out.length();
    if (len == 0) {
      return;
    }
    if (out.charAt(len - 1) != '\n') {
      out.append("\n\n");
    } else if (len < 2 || out.charAt(len - 2) != '\n') {
      out.append('\n');
    }
  }
}
