package io.themewire.ingest.extract;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * An XML internal DTD subset in an HTML page ({@code <!DOCTYPE html [<!ENTITY xxe SYSTEM ...>]>}).
 * HTML parsers end the doctype at its first {@code >}, so the rest of the subset ({@code ]>}) and
 * every reference to its entities ({@code &xxe;}) would show as article text. Entities are never
 * resolved: the subset is cut out before parsing and the references to what it declared are dropped
 * from the text after.
 */
final class DoctypeSubset {

  /** Only a page's prologue can hold a doctype; look no further than this into it. */
  static final int PROLOGUE_CHARS = 64 * 1024;

  private static final Pattern SUBSET =
      Pattern.compile(
          "(?is)\\A(\\W{0,4}(?:<\\?xml[^>]*>)?\\s*(?:<!--.*?-->\\s*)*<!doctype[^\\[>]*)\\[.*?\\]\\s*>");
  private static final Pattern ENTITY = Pattern.compile("(?i)<!ENTITY\\s+(?:%\\s+)?([\\w.:-]+)");

  /** A page with its subset cut out, and the entity names the subset declared. */
  record Stripped(String html, byte[] bytes, Set<String> entities) {}

  private DoctypeSubset() {}

  /** The page without its internal subset; the same string when it has none. */
  static Stripped strip(String html) {
    if (html.indexOf('[') < 0) {
      return new Stripped(html, null, Set.of());
    }
    Matcher m =
        SUBSET.matcher(html.length() > PROLOGUE_CHARS ? html.substring(0, PROLOGUE_CHARS) : html);
    if (!m.find()) {
      return new Stripped(html, null, Set.of());
    }
    Set<String> names = entities(m.group());
    return new Stripped(m.group(1) + ">" + html.substring(m.end()), null, names);
  }

  /**
   * The page's bytes without their internal subset, read through an ASCII-compatible view (a page
   * in UTF-16 keeps its subset; its text is then cleaned of the references all the same).
   */
  static Stripped strip(byte[] html) {
    int n = Math.min(html.length, PROLOGUE_CHARS);
    String head = new String(html, 0, n, StandardCharsets.ISO_8859_1);
    if (head.indexOf('[') < 0) {
      return new Stripped(null, html, Set.of());
    }
    Matcher m = SUBSET.matcher(head);
    if (!m.find()) {
      return new Stripped(null, html, Set.of());
    }
    byte[] prefix = (m.group(1) + ">").getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[prefix.length + html.length - m.end()];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(html, m.end(), out, prefix.length, html.length - m.end());
    return new Stripped(null, out, entities(m.group()));
  }

  private static Set<String> entities(String subset) {
    Set<String> names = new LinkedHashSet<>();
    Matcher e = ENTITY.matcher(subset);
    while (e.find()) {
      names.add(e.group(1));
    }
    if (names.isEmpty()) {
      names.add("");
    }
    return names;
  }

  /** Drops the literal references to {@code entities} from the text under {@code root}. */
  static void dropReferences(Element root, Set<String> entities) {
    if (entities.isEmpty()) {
      return;
    }
    StringBuilder alternatives = new StringBuilder();
    for (String name : entities) {
      if (!name.isEmpty()) {
        alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(name));
      }
    }
    if (alternatives.length() == 0) {
      return;
    }
    Pattern ref = Pattern.compile("&(?:" + alternatives + ");");
    for (Element el : root.getAllElements()) {
      for (TextNode t : el.textNodes()) {
        dropIn(t, ref);
      }
    }
  }

  private static void dropIn(TextNode t, Pattern ref) {
    String s = t.getWholeText();
    if (s.indexOf('&') >= 0) {
      t.text(ref.matcher(s).replaceAll(""));
    }
  }
}
