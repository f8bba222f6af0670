package io.themewire.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the main content of a cleaned page as the element whose runs of text best separate prose
 * from chrome.
 *
 * <p>The page is cut into runs: stretches of text owned by one block-level element, with the share
 * of it inside links. A long run with few links counts for the content ({@code +length}); any other
 * run counts against it ({@code -length x} {@link #CHROME_PENALTY}). The element with the highest
 * sum over its subtree is the article — large enough to take in prose split across many containers,
 * small enough to leave menus, link lists and teasers outside. Its runs, less link lists, are the
 * text. Iterative throughout: a page nested 100,000 deep costs time, not stack.
 */
final class ContentFinder {

  /** A run this long, with few links, reads as prose. */
  static final int PROSE_CHARS = 60;

  /** Shorter runs ending a sentence also read as prose. */
  static final int SENTENCE_CHARS = 25;

  /** Above this share of link text a run is navigation. */
  static final double LINK_DENSITY = 0.33;

  /**
   * Short lines that are site furniture on any site: consent notices, share prompts, comment forms,
   * subscription pleas.
   */
  static final java.util.regex.Pattern BOILERPLATE =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:we|this (?:web)?site) uses? cookies|\\baccept (?:all )?cookies|all rights reserved"
              + "|^(?:share|sharing) (?:this|is caring)|^leave a (?:comment|reply)|^(?:\\d+ )?comments?$"
              + "|save my name, email|notify me (?:of|via)|^advertisement$|^sign up for|^subscribe to"
              + "|^click here to|^related (?:articles|stories|posts)$|^read more$");

  static final int BOILERPLATE_MAX_CHARS = 250;

  /** How much a character of chrome weighs against a character of prose. */
  static final double CHROME_PENALTY = 1.5;

  static final Set<String> INLINE =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
          "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small",
          "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr");

  /** A stretch of text owned by one block element. */
  record Run(Element owner, String text, int linkChars) {
    boolean isHeading() {
      String n = owner.normalName();
      return n.length() == 2 && n.charAt(0) == 'h' && Character.isDigit(n.charAt(1));
    }

    double linkDensity() {
      return text.isEmpty() ? 0 : (double) linkChars / text.length();
    }

    boolean isProse() {
      if (linkDensity() >= LINK_DENSITY) {
        return false;
      }
      if (text.length() >= PROSE_CHARS) {
        return true;
      }
      char last = text.charAt(text.length() - 1);
      return text.length() >= SENTENCE_CHARS
          && (last == '.' || last == '!' || last == '?' || last == '"' || last == '”');
    }
  }

  private ContentFinder() {}

  /** The runs of an element's subtree, in document order. */
  static List<Run> runs(Element root) {
    List<Run> runs = new ArrayList<>();
    NodeTraversor.traverse(
        new NodeVisitor() {
          final List<Element> blocks = new ArrayList<>();
          final StringBuilder text = new StringBuilder();
          int links;
          int anchorDepth;

          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              String s = t.text();
              if (!s.isBlank()) {
                append(s, anchorDepth > 0);
              } else if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
              }
            } else if (node instanceof Element el) {
              String name = el.normalName();
              if (name.equals("a")) {
                anchorDepth++;
              } else if (name.equals("br")) {
                text.append(' ');
              } else if (!INLINE.contains(name)) {
                flush();
                blocks.add(el);
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element el) {
              String name = el.normalName();
              if (name.equals("a")) {
                anchorDepth--;
              } else if (!INLINE.contains(name)) {
                flush();
                blocks.remove(blocks.size() - 1);
              }
            }
          }

          void append(String s, boolean inLink) {
            int before = text.length();
            text.append(s);
            if (inLink) {
              links += text.length() - before;
            }
          }

          void flush() {
            String t = text.toString().strip().replaceAll("\\s+", " ");
            if (!t.isEmpty() && !blocks.isEmpty()) {
              runs.add(new Run(blocks.get(blocks.size() - 1), t, Math.min(links, t.length())));
            }
            text.setLength(0);
            links = 0;
          }
        },
        root);
    return runs;
  }

  /** The element that best holds the prose of {@code root}, or null when there is no prose. */
  static Element find(Element root, List<Run> runs) {
    java.util.Set<Element> cards = cards(root);
    Map<Element, Double> own = new IdentityHashMap<>();
    boolean anyProse = false;
    for (Run r : runs) {
      boolean prose = r.isProse() && !insideAny(r.owner(), cards, root);
      anyProse |= prose;
      double weight = prose ? r.text().length() : -CHROME_PENALTY * r.text().length();
      own.merge(r.owner(), weight, Double::sum);
    }
    if (!anyProse) {
      return null;
    }
    Map<Element, Double> subtree = new IdentityHashMap<>();
    Element[] best = {null};
    double[] bestScore = {Double.NEGATIVE_INFINITY};
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {}

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element el) {
              double sum = own.getOrDefault(el, 0.0);
              for (Element child : el.children()) {
                sum += subtree.getOrDefault(child, 0.0);
              }
              if (sum != 0) {
                subtree.put(el, sum);
              }
              if (sum > bestScore[0]) {
                bestScore[0] = sum;
                best[0] = el;
              }
            }
          }
        },
        root);
    return narrow(best[0], runs, cards);
  }

  /**
   * Descends from the best element into a child that holds nearly all of its prose: what the child
   * leaves out (a header, a list of popular stories, a sign-up box) was not the article.
   */
  private static Element narrow(Element best, List<Run> runs, java.util.Set<Element> cards) {
    if (best == null) {
      return null;
    }
    Map<Element, Double> prose = new IdentityHashMap<>();
    for (Run r : runs) {
      if (r.isProse() && !insideAny(r.owner(), cards, best) && isInside(r.owner(), best)) {
        for (Element p = r.owner(); p != null && p != best.parent(); p = p.parent()) {
          prose.merge(p, (double) r.text().length(), Double::sum);
        }
      }
    }
    Element current = best;
    while (true) {
      double total = prose.getOrDefault(current, 0.0);
      Element next = null;
      for (Element child : current.children()) {
        if (prose.getOrDefault(child, 0.0) >= total * NARROW_SHARE) {
          next = child;
        }
      }
      if (next == null || total == 0) {
        return current;
      }
      current = next;
    }
  }

  /** A child holding this share of its parent's prose is taken as the article. */
  static final double NARROW_SHARE = 0.8;

  /** The text of the runs inside {@code content}, paragraphs separated by blank lines. */
  static String text(Element content, List<Run> runs) {
    java.util.Set<Element> cards = cards(content);
    StringBuilder out = new StringBuilder();
    for (Run r : runs) {
      if (!isKept(r) || !isInside(r.owner(), content) || insideAny(r.owner(), cards, content)) {
        continue;
      }
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(r.text());
    }
    return out.toString();
  }

  /**
   * Inside the content, prose, headings and list items stay; short fragments do not (bylines,
   * dates, "Share", "Advertisement", image credits).
   */
  private static boolean isKept(Run r) {
    if (r.linkDensity() > 0.5) {
      return false;
    }
    if (r.text().length() < BOILERPLATE_MAX_CHARS && BOILERPLATE.matcher(r.text()).find()) {
      return false;
    }
    String name = r.owner().normalName();
    return r.isProse()
        || r.isHeading()
        || name.equals("p")
        || name.equals("li")
        || name.equals("pre")
        || name.equals("blockquote");
  }

  /**
   * Teaser cards: three or more siblings of one kind (tag and class) that each lead with a link of
   * some length and are short — a "more stories" list, whatever its class says. Their summaries
   * read like prose but are not the article.
   */
  static java.util.Set<Element> cards(Element root) {
    java.util.Set<Element> cards = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element parent : root.getAllElements()) {
      if (parent.childrenSize() < CARD_GROUP) {
        continue;
      }
      Map<String, List<Element>> groups = new java.util.HashMap<>();
      for (Element child : parent.children()) {
        groups
            .computeIfAbsent(
                child.normalName() + "." + child.className(), k -> new java.util.ArrayList<>())
            .add(child);
      }
      for (List<Element> group : groups.values()) {
        if (group.size() < CARD_GROUP) {
          continue;
        }
        int cardLike = 0;
        for (Element member : group) {
          if (isCardLike(member)) {
            cardLike++;
          }
        }
        if (cardLike * 3 >= group.size() * 2) {
          cards.addAll(group);
        }
      }
    }
    return cards;
  }

  private static boolean isCardLike(Element member) {
    String text = member.text();
    if (text.length() > CARD_MAX_CHARS || text.isEmpty()) {
      return false;
    }
    int linkChars = 0;
    boolean headline = false;
    for (Element a : member.select("a")) {
      int n = a.text().length();
      linkChars += n;
      headline |= n >= 15;
    }
    return headline && linkChars >= text.length() * CARD_LINK_SHARE;
  }

  /** Siblings of one kind that make a list of cards. */
  static final int CARD_GROUP = 3;

  /** A card is short ... */
  static final int CARD_MAX_CHARS = 600;

  /** ... and at least this share of its text is links. */
  static final double CARD_LINK_SHARE = 0.15;

  private static boolean insideAny(Element el, java.util.Set<Element> set, Element stop) {
    if (set.isEmpty()) {
      return false;
    }
    for (Element p = el; p != null && p != stop; p = p.parent()) {
      if (set.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInside(Element el, Element ancestor) {
    for (Element p = el; p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }
}
