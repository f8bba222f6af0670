package io.themewire.ingest.feed;

import io.themewire.ingest.extract.HtmlText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * Reads a feed that ROME refused (not well-formed, a DOCTYPE, a feed type ROME does not know) from
 * the element tree of jsoup's XML parser, which never throws, never fetches anything and never
 * expands an entity it does not know: custom entities stay in the text as written.
 *
 * <p>It knows RSS 0.9x / 2.0 ({@code rss/channel/item}), RSS 1.0 and 0.90 ({@code rdf:RDF} with
 * {@code item} beside {@code channel}), Atom 0.3 / 1.0 ({@code feed/entry}) and a lone Atom {@code
 * entry}. The DOCTYPE (with its internal subset) and characters XML forbids are removed first. An
 * entry the document ends inside of is left out: it was cut off and its text may be too. An element
 * left unclosed keeps only its own text, not the elements it swallowed, and those are still found.
 * Thread-safe (a new parser per call).
 */
final class LenientFeedReader {

  /**
   * Deepest element nesting read. Real feeds stay below 50 even with XHTML content; the bound keeps
   * jsoup's search of its open elements for each unmatched end tag linear in the document.
   */
  static final int MAX_DEPTH = 512;

  /**
   * Reads the feed.
   *
   * @param text the decoded document
   * @param strictError why ROME refused it, for the message when nothing can be recovered
   * @throws FeedParseException {@code empty} without a root element, {@code not-a-feed} for another
   *     root, {@code parse-error} when the document has entries but none is complete
   */
  FeedDocument read(String text, String strictError) throws FeedParseException {
    String xml = withoutDoctype(withoutIllegalChars(text), strictError);
    if (nestedDeeperThan(xml, MAX_DEPTH)) {
      throw new FeedParseException(
          "parse-error",
          strictError + "; elements are nested deeper than " + MAX_DEPTH + " levels");
    }
    Document doc = Parser.xmlParser().setTrackPosition(true).parseInput(xml, "");
    Element root = doc.children().first();
    if (root == null) {
      throw new FeedParseException(
          "empty", "no root element, only a prolog, comments or text (" + strictError + ")");
    }
    String rootName = local(root);
    boolean atom = rootName.equals("feed") || rootName.equals("entry");
    if (!atom
        && !rootName.equals("rss")
        && !rootName.equals("rdf")
        && !rootName.equals("channel")) {
      throw new FeedParseException(
          "not-a-feed",
          "root element <" + root.tagName() + "> is not rss, rdf:RDF, feed or channel");
    }
    String entryName = atom ? "entry" : "item";
    List<Element> found = new ArrayList<>();
    if (rootName.equals("entry")) {
      found.add(root);
    } else {
      for (Element el : root.getAllElements()) {
        if (el != root && local(el).equals(entryName)) {
          found.add(el);
        }
      }
    }
    List<FeedEntry> entries = new ArrayList<>(found.size());
    int cutOff = 0;
    for (Element el : found) {
      if (cutOff(el, root)) {
        cutOff++;
      } else {
        entries.add(entry(el, entryName));
      }
    }
    if (entries.isEmpty() && cutOff > 0) {
      throw new FeedParseException(
          "parse-error",
          strictError
              + "; the document ends inside its "
              + (cutOff == 1 ? "only entry" : "entries")
              + ", none is complete");
    }
    Element channel = feedElement(root, rootName);
    String title = null;
    String link = null;
    if (channel != null) {
      String t = text(child(channel, "title"));
      title = t.isEmpty() ? null : t;
      link = link(channel);
    }
    return new FeedDocument(title, link, entries);
  }

  /** The element holding the feed's own title and link, null for a lone Atom entry. */
  private static Element feedElement(Element root, String rootName) {
    if (rootName.equals("entry")) {
      return null;
    }
    if (rootName.equals("rss") || rootName.equals("rdf")) {
      Element channel = child(root, "channel");
      return channel != null ? channel : root;
    }
    return root;
  }

  private static FeedEntry entry(Element item, String entryName) {
    String title = text(field(item, "title", entryName));
    String text = "";
    for (String name : new String[] {"encoded", "content"}) {
      String t = text(field(item, name, entryName));
      if (t.length() > text.length()) {
        text = t;
      }
    }
    for (String name : new String[] {"description", "summary"}) {
      if (text.isEmpty()) {
        text = text(field(item, name, entryName));
      }
    }
    String guid = ownText(firstOf(item, entryName, "guid", "id")).strip();
    String link = link(item);
    if (link == null) {
      link = swallowedLink(item, entryName);
    }
    if (link == null && guid.startsWith("http")) {
      link = guid;
    }
    if (link == null && item.attr("rdf:about").startsWith("http")) {
      link = item.attr("rdf:about");
    }
    Instant published = date(item, entryName, "pubdate", "published", "issued", "date", "created");
    if (published == null) {
      published = date(item, entryName, "updated", "modified");
    }
    return new FeedEntry(
        title,
        link,
        guid.isEmpty() ? null : guid,
        author(item, entryName),
        published,
        text,
        title + "\n" + text);
  }

  /**
   * The link of an entry or feed: an Atom {@code link} whose {@code rel} is absent or {@code
   * alternate}, or the text of an RSS {@code link}; null if none.
   */
  private static String link(Element parent) {
    for (Element c : parent.children()) {
      if (!local(c).equals("link")) {
        continue;
      }
      if (c.hasAttr("href")) {
        String rel = c.attr("rel").strip();
        String href = c.attr("href").strip();
        if ((rel.isEmpty() || rel.equalsIgnoreCase("alternate")) && !href.isEmpty()) {
          return href;
        }
      } else {
        String t = ownText(c).strip();
        if (!t.isEmpty()) {
          return t;
        }
      }
    }
    return null;
  }

  private static String swallowedLink(Element item, String entryName) {
    Element swallowed = swallowed(item, "link", entryName);
    if (swallowed == null) {
      return null;
    }
    String t = swallowed.hasAttr("href") ? swallowed.attr("href") : ownText(swallowed);
    return t.isBlank() ? null : t.strip();
  }

  private static String author(Element item, String entryName) {
    Element author = field(item, "author", entryName);
    if (author != null) {
      Element name = child(author, "name");
      String t = HtmlText.normalise(name != null ? ownText(name) : ownText(author));
      if (!t.isEmpty()) {
        return t;
      }
    }
    String creator = HtmlText.normalise(ownText(field(item, "creator", entryName)));
    return creator.isEmpty() ? null : creator;
  }

  private static Instant date(Element item, String entryName, String... names) {
    for (String name : names) {
      Element el = field(item, name, entryName);
      if (el != null) {
        Optional<Instant> at = Dates.parse(ownText(el));
        if (at.isPresent()) {
          return at.get();
        }
      }
    }
    return null;
  }

  private static Element firstOf(Element item, String entryName, String... names) {
    for (String name : names) {
      Element el = field(item, name, entryName);
      if (el != null) {
        return el;
      }
    }
    return null;
  }

  /** A child of the entry with this local name, else one an unclosed element swallowed. */
  private static Element field(Element item, String name, String entryName) {
    Element c = child(item, name);
    return c != null ? c : swallowed(item, name, entryName);
  }

  /** The first child with this local name and no prefix, else the first with any prefix. */
  private static Element child(Element parent, String name) {
    Element prefixed = null;
    for (Element c : parent.children()) {
      String n = c.normalName();
      if (n.equals(name)) {
        return c;
      }
      if (prefixed == null && n.endsWith(":" + name)) {
        prefixed = c;
      }
    }
    return prefixed;
  }

  /**
   * An element with this local name that an unclosed element of the entry swallowed, as {@code
   * <link>} in {@code <title>A<link>u</link></item>}; null if none.
   */
  private static Element swallowed(Element item, String name, String entryName) {
    for (Element d : item.getAllElements()) {
      if (d != item && local(d).equals(name) && insideUnclosed(d, item, entryName)) {
        return d;
      }
    }
    return null;
  }

  private static boolean insideUnclosed(Element el, Element item, String entryName) {
    for (Element p = el.parent(); p != null && p != item; p = p.parent()) {
      if (local(p).equals(entryName)) {
        return false;
      }
      if (closedImplicitly(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The plain text of a title or content element: inline XHTML as rendered, escaped HTML with its
   * markup removed, {@code type="text"} as written; empty for null.
   */
  private static String text(Element el) {
    if (el == null) {
      return "";
    }
    String type = el.attr("type").strip().toLowerCase(Locale.ROOT);
    boolean plain = type.equals("text") || type.equals("text/plain");
    if (el.children().isEmpty() || closedImplicitly(el)) {
      String raw = ownText(el);
      return plain ? HtmlText.normalise(raw) : HtmlText.fromHtml(raw);
    }
    return HtmlText.of(el);
  }

  /** The element's text, or only its own when it was never closed and swallowed what followed. */
  private static String ownText(Element el) {
    if (el == null) {
      return "";
    }
    return closedImplicitly(el) ? el.wholeOwnText() : el.wholeText();
  }

  private static boolean closedImplicitly(Element el) {
    Range end = el.endSourceRange();
    return end.isTracked() && end.isImplicit();
  }

  /**
   * Whether the document ended before the element's end tag: a cut-off entry. Elements still open
   * at the end of the document are all closed there, the root last, at the same position.
   */
  private static boolean cutOff(Element el, Element root) {
    Range end = el.endSourceRange();
    Range rootEnd = root.endSourceRange();
    return closedImplicitly(root) && closedImplicitly(el) && end.endPos() >= rootEnd.endPos();
  }

  /** The local name, lower case: {@code rdf:RDF} is {@code rdf}, {@code pubDate} is pubdate. */
  private static String local(Element el) {
    String name = el.normalName();
    return name.substring(name.indexOf(':') + 1);
  }

  /**
   * Whether jsoup's XML parser would hold more than {@code limit} open elements at some point: an
   * end tag closes up to the nearest open element of its name and is ignored when there is none. A
   * rough tokenizer (comments, CDATA, declarations skipped; a tag ends at the next {@code >}),
   * linear in the text.
   */
  static boolean nestedDeeperThan(String xml, int limit) {
    List<String> stack = new ArrayList<>();
    Map<String, Integer> open = new HashMap<>();
    int n = xml.length();
    int i = 0;
    while (i < n) {
      int lt = xml.indexOf('<', i);
      if (lt < 0 || lt + 1 >= n) {
        return false;
      }
      int skipTo = skipMarkup(xml, lt);
      if (skipTo >= 0) {
        i = skipTo;
        continue;
      }
      boolean endTag = xml.charAt(lt + 1) == '/';
      int nameStart = endTag ? lt + 2 : lt + 1;
      int nameEnd = nameStart;
      while (nameEnd < n && isNameChar(xml.charAt(nameEnd))) {
        nameEnd++;
      }
      if (nameEnd == nameStart) {
        i = lt + 1;
        continue;
      }
      String name = xml.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
      int gt = xml.indexOf('>', nameEnd);
      if (gt < 0) {
        return false;
      }
      i = gt + 1;
      if (endTag) {
        if (open.getOrDefault(name, 0) > 0) {
          String top;
          do {
            top = stack.remove(stack.size() - 1);
            open.merge(top, -1, Integer::sum);
          } while (!top.equals(name));
        }
      } else if (xml.charAt(gt - 1) != '/') {
        stack.add(name);
        open.merge(name, 1, Integer::sum);
        if (stack.size() > limit) {
          return true;
        }
      }
    }
    return false;
  }

  /** Where markup that opens no element ends (comment, CDATA, declaration), or -1. */
  private static int skipMarkup(String xml, int lt) {
    int n = xml.length();
    if (xml.startsWith("<!--", lt)) {
      int end = xml.indexOf("-->", lt + 4);
      return end < 0 ? n : end + 3;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      int end = xml.indexOf("]]>", lt + 9);
      return end < 0 ? n : end + 3;
    }
    char c = xml.charAt(lt + 1);
    if (c == '!' || c == '?') {
      int end = xml.indexOf('>', lt + 2);
      return end < 0 ? n : end + 1;
    }
    return -1;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == ':' || c == '_' || c == '-' || c == '.';
  }

  /** The text without characters XML 1.0 forbids: C0 controls but tab and line breaks, U+FFFE/F. */
  static String withoutIllegalChars(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean illegal =
          (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF';
      if (illegal && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      } else if (!illegal && out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * The text without its DOCTYPE declaration, internal subset and all. jsoup reads a DOCTYPE only
   * up to the first {@code >}, so entity declarations would otherwise become text, or even elements
   * before the root. Only the prolog is searched: a {@code <!DOCTYPE} inside the content is
   * content.
   */
  static String withoutDoctype(String xml, String strictError) throws FeedParseException {
    int root = XmlPrelude.rootStart(xml);
    int searchTo = root < 0 ? xml.length() : root;
    int doctype = indexOfIgnoreCase(xml, "<!DOCTYPE", searchTo);
    if (doctype < 0) {
      return xml;
    }
    int end = XmlPrelude.doctypeEnd(xml, doctype);
    if (end < 0) {
      throw new FeedParseException(
          "parse-error", strictError + "; the DOCTYPE declaration never ends");
    }
    return xml.substring(0, doctype) + xml.substring(end);
  }

  /** The first {@code needle} before {@code limit}, outside comments and PIs of the prolog. */
  private static int indexOfIgnoreCase(String xml, String needle, int limit) {
    int i = 0;
    while (i < limit) {
      if (xml.startsWith("<?", i)) {
        int end = xml.indexOf("?>", i + 2);
        i = end < 0 ? limit : end + 2;
      } else if (xml.startsWith("<!--", i)) {
        int end = xml.indexOf("-->", i + 4);
        i = end < 0 ? limit : end + 3;
      } else if (xml.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }
}
