package io.themewire.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * A page read once: its runs of text (stretches owned by one block element, with the share inside
 * links) and, for every element, the prose and chrome of its subtree, its text and link lengths,
 * and whether it is one of a list of teaser cards. Chrome by tag (navigation, forms, scripts) and,
 * when asked, by class/id hint is skipped during the walk rather than removed, so the page is never
 * copied or changed. Iterative: a page nested 100,000 deep costs time, not stack.
 *
 * <p>Scoring: a long run with few links counts for the content ({@code +length}); any other run,
 * and everything inside teaser cards, counts against it ({@code -length x chromePenalty}). {@link
 * #best} is the element with the highest sum over its subtree, narrowed into a child that holds
 * nearly all of its prose.
 */
final class PageModel {

  /** Tags that are never article text, skipped with their subtrees. */
  static final Set<String> SKIP_TAGS =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "nav",
          "footer",
          "aside",
          "iframe",
          "svg",
          "button",
          "input",
          "select",
          "textarea",
          "object",
          "embed",
          "canvas",
          "dialog",
          "figcaption",
          "title",
          "xmp",
          "plaintext",
          "noembed",
          "noframes",
          "head");

  static final Set<String> INLINE =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
          "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small",
          "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr");

  private static final Pattern UNLIKELY =
      Pattern.compile(
          "(?i)comment|sidebar|footer|\\bnav|menu|share|sharing|social|related|cookie|consent"
              + "|newsletter|subscribe|signup|sign-up|popular|trending|advert|\\bads?\\b|sponsor"
              + "|banner|breadcrumb|author-?bio|\\bbio\\b|masthead|modal|popup|disqus"
              + "|pagination|tags|tag-list|skip-link|toolbar|print-only|recommend|more-stories"
              + "|byline|dateline|timestamp|credit|caption|teaser|recirc|outbrain|taboola"
              + "|most-read|read-more|also-read|\\bdek\\b|standfirst|subtitle");
  private static final Pattern LIKELY =
      Pattern.compile(
          "(?i)article|content|entry|\\bmain\\b|\\bpost\\b|post-body|story|body-text|prose");

  /** Hints that stay chrome even where they also say "content" ("comment-content"). */
  private static final Pattern NEVER_CONTENT = Pattern.compile("(?i)comment|cookie|consent|share");

  /** A stretch of text owned by one block element. */
  record Run(Element owner, String text, int linkChars, boolean prose, boolean furniture) {
    boolean isHeading() {
      String n = owner.normalName();
      return n.length() == 2 && n.charAt(0) == 'h' && Character.isDigit(n.charAt(1));
    }

    double linkDensity() {
      return text.isEmpty() ? 0 : (double) linkChars / text.length();
    }
  }

  /** What the walk learned about one element's subtree. */
  static final class Block {
    final Element element;
    final Block parent;
    List<Block> children;

    /** Text and link characters in the subtree; the longest single link. */
    int chars;

    int linkChars;
    int longestLink;

    /** Prose and chrome characters of the element's own runs, then of its subtree. */
    double prose;

    double chrome;
    boolean card;

    Block(Element element, Block parent) {
      this.element = element;
      this.parent = parent;
    }

    double score(double penalty) {
      return prose - penalty * chrome;
    }
  }

  final List<Run> runs = new ArrayList<>();
  final Map<Element, Block> blocks = new IdentityHashMap<>();

  /** Semantic containers met on the way: article, main, [itemprop=articleBody], [role=main]. */
  final List<Element> containers = new ArrayList<>();

  final ArticleExtractor.Tuning tuning;
  private Element best;
  private double bestScore = Double.NEGATIVE_INFINITY;
  private boolean anyProse;
  private int maxDepth;

  private PageModel(ArticleExtractor.Tuning tuning) {
    this.tuning = tuning;
  }

  /** Reads {@code root} once. */
  static PageModel read(Element root, boolean useClassHints, ArticleExtractor.Tuning tuning) {
    PageModel model = new PageModel(tuning);
    NodeTraversor.filter(model.new Walk(useClassHints), root);
    return model;
  }

  /** How deep the page's elements nest, counted from the root read. */
  int maxDepth() {
    return maxDepth;
  }

  /** True when the page has at least one run of prose. */
  boolean hasProse() {
    return anyProse;
  }

  /** The element that best holds the prose, narrowed; null when there is no prose. */
  Element best() {
    if (!anyProse || best == null) {
      return null;
    }
    Element current = best;
    while (true) {
      Block b = blocks.get(current);
      double total = b == null ? 0 : b.prose;
      Element next = null;
      if (b != null && b.children != null && total > 0) {
        for (Block child : b.children) {
          if (!child.card && child.prose >= total * tuning.narrowShare()) {
            next = child.element;
          }
        }
      }
      if (next == null) {
        return current;
      }
      current = next;
    }
  }

  /** The kept runs inside {@code content}, in document order. */
  List<Run> keptRuns(Element content) {
    List<Run> out = new ArrayList<>();
    for (Run r : runs) {
      if (isKept(r) && within(r.owner(), content)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The kept runs of each semantic container, in one walk up from each run (a page with hundreds of
   * {@code <article>} teasers costs one pass, not one per container).
   */
  Map<Element, List<Run>> keptRunsOfContainers() {
    Map<Element, List<Run>> out = new IdentityHashMap<>();
    if (containers.isEmpty()) {
      return out;
    }
    Set<Element> wanted = identitySet();
    wanted.addAll(containers);
    for (Run r : runs) {
      if (!isKept(r)) {
        continue;
      }
      boolean inCard = false;
      for (Element p = r.owner(); p != null; p = p.parent()) {
        Block b = blocks.get(p);
        inCard |= b != null && b.card;
        if (!inCard && wanted.contains(p)) {
          out.computeIfAbsent(p, k -> new ArrayList<>()).add(r);
        }
      }
    }
    return out;
  }

  /** Paragraphs of runs separated by blank lines. */
  static String text(List<Run> runs) {
    StringBuilder out = new StringBuilder();
    for (Run r : runs) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(r.text());
    }
    return out.toString();
  }

  /** The share of the characters of {@code runs} inside links. */
  static double linkDensity(List<Run> runs) {
    long chars = 0;
    long links = 0;
    for (Run r : runs) {
      chars += r.text().length();
      links += r.linkChars();
    }
    return chars == 0 ? 0 : (double) links / chars;
  }

  /**
   * Inside the content, prose, headings, list items and any other run that is neither a link list
   * nor site furniture stay; short fragments that are not sentences go (bylines, dates, "Share",
   * image credits) unless {@link ArticleExtractor.Tuning#keepFragments} says otherwise.
   */
  private boolean isKept(Run r) {
    if (r.linkDensity() > 0.5) {
      return false;
    }
    if (r.furniture()) {
      return false;
    }
    if (r.prose() || r.isHeading()) {
      return true;
    }
    String name = r.owner().normalName();
    if (name.equals("p") || name.equals("li") || name.equals("pre") || name.equals("blockquote")) {
      return true;
    }
    return tuning.keepFragments() && r.linkChars() == 0 && words(r.text()) >= FRAGMENT_WORDS;
  }

  /** A fragment kept under {@code keepFragments} has at least this many words. */
  static final int FRAGMENT_WORDS = 4;

  private static int words(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean letter = Character.isLetterOrDigit(s.charAt(i));
      if (letter && !in) {
        n++;
      }
      in = letter;
    }
    return n;
  }

  /** True when {@code el} lies inside {@code ancestor} and outside every teaser card below it. */
  private boolean within(Element el, Element ancestor) {
    boolean inCard = false;
    for (Element p = el; p != null; p = p.parent()) {
      if (p == ancestor) {
        return !inCard;
      }
      Block b = blocks.get(p);
      inCard |= b != null && b.card;
    }
    return false;
  }

  private boolean isProse(String text, int linkChars) {
    if (text.isEmpty() || (double) linkChars / text.length() >= tuning.linkDensity()) {
      return false;
    }
    if (text.length() >= tuning.proseChars()) {
      return true;
    }
    char last = text.charAt(text.length() - 1);
    return text.length() >= SENTENCE_CHARS && Furniture.endsSentence(last);
  }

  /** A shorter run still reads as prose when it ends a sentence and has this many characters. */
  static final int SENTENCE_CHARS = 25;

  private final class Walk implements NodeFilter {
    private final boolean useClassHints;
    private Block current;

    /** Block-level elements open above the text being read, innermost last. */
    private final List<Block> open = new ArrayList<>();

    private final StringBuilder text = new StringBuilder();
    private int links;
    private int anchorDepth;

    Walk(boolean useClassHints) {
      this.useClassHints = useClassHints;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode t) {
        String s = t.text();
        if (!s.isBlank()) {
          int before = text.length();
          text.append(s);
          int n = text.length() - before;
          if (current != null) {
            current.chars += n;
          }
          if (anchorDepth > 0) {
            links += n;
            if (current != null) {
              current.linkChars += n;
            }
          }
        } else if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
          text.append(' ');
        }
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element el)) {
        return FilterResult.CONTINUE;
      }
      String name = el.normalName();
      maxDepth = Math.max(maxDepth, depth);
      if (SKIP_TAGS.contains(name) || current != null && isHidden(el)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (useClassHints && current != null && isUnlikely(el)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      Block b = new Block(el, current);
      if (current != null) {
        if (current.children == null) {
          current.children = new ArrayList<>(4);
        }
        current.children.add(b);
      }
      current = b;
      blocks.put(el, b);
      if (name.equals("a")) {
        anchorDepth++;
      } else if (name.equals("br")) {
        text.append(' ');
      } else if (!INLINE.contains(name)) {
        flush();
        open.add(b);
        if (name.equals("article")
            || name.equals("main")
            || el.attr("role").equalsIgnoreCase("main")
            || el.attr("itemprop").equalsIgnoreCase("articleBody")) {
          containers.add(el);
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (!(node instanceof Element el)) {
        return FilterResult.CONTINUE;
      }
      String name = el.normalName();
      Block b = current;
      if (name.equals("a")) {
        anchorDepth--;
        if (b.parent != null) {
          b.parent.longestLink = Math.max(b.parent.longestLink, b.chars);
        }
      } else if (!INLINE.contains(name)) {
        flush();
        open.remove(open.size() - 1);
      }
      close(b);
      current = b.parent;
      return FilterResult.CONTINUE;
    }

    /** Sums the children into the block, after marking teaser cards among them. */
    private void close(Block b) {
      if (b.children != null) {
        if (b.children.size() >= CARD_GROUP) {
          markCards(b.children);
        }
        for (Block child : b.children) {
          if (child.card) {
            b.chrome += child.prose + child.chrome;
          } else {
            b.prose += child.prose;
            b.chrome += child.chrome;
          }
          if (child.element.normalName().equals("a")) {
            continue;
          }
          b.longestLink = Math.max(b.longestLink, child.longestLink);
        }
      }
      if (b.parent != null) {
        b.parent.chars += b.chars;
        b.parent.linkChars += b.linkChars;
      }
      double score = b.score(tuning.chromePenalty());
      if (score > bestScore) {
        bestScore = score;
        best = b.element;
      }
    }

    private void flush() {
      if (text.length() == 0) {
        return;
      }
      String t = HtmlText.collapse(text);
      if (!t.isEmpty() && !open.isEmpty()) {
        Block owner = open.get(open.size() - 1);
        int linkChars = Math.min(links, t.length());
        boolean prose = isProse(t, linkChars);
        runs.add(new Run(owner.element, t, linkChars, prose, Furniture.matches(t)));
        if (prose) {
          owner.prose += t.length();
          anyProse = true;
        } else {
          owner.chrome += t.length();
        }
      }
      text.setLength(0);
      links = 0;
    }
  }

  private static boolean isHidden(Element el) {
    if (el.attributesSize() == 0) {
      return false;
    }
    return el.hasAttr("hidden") || el.attr("aria-hidden").equals("true");
  }

  private static boolean isUnlikely(Element el) {
    if (el.attributesSize() == 0) {
      return false;
    }
    String role = el.attr("role");
    if (role.equalsIgnoreCase("navigation") || role.equalsIgnoreCase("complementary")) {
      return true;
    }
    String cls = el.className();
    String id = el.id();
    if (cls.isEmpty() && id.isEmpty() && role.isEmpty()) {
      return false;
    }
    String hint = cls + " " + id + " " + role;
    return UNLIKELY.matcher(hint).find()
        && (!LIKELY.matcher(hint).find() || NEVER_CONTENT.matcher(hint).find());
  }

  /**
   * Teaser cards: three or more siblings of one kind (tag and class) that each lead with a link of
   * some length and are short, a "more stories" list whatever its class says. Their summaries read
   * like prose but are not the article.
   */
  private static void markCards(List<Block> siblings) {
    Map<String, List<Block>> groups = new HashMap<>();
    for (Block child : siblings) {
      groups
          .computeIfAbsent(
              child.element.normalName() + "." + child.element.className(), k -> new ArrayList<>())
          .add(child);
    }
    for (List<Block> group : groups.values()) {
      if (group.size() < CARD_GROUP) {
        continue;
      }
      int cardLike = 0;
      for (Block member : group) {
        if (member.chars > 0
            && member.chars <= CARD_MAX_CHARS
            && member.longestLink >= CARD_HEADLINE_CHARS
            && member.linkChars >= member.chars * CARD_LINK_SHARE) {
          cardLike++;
        }
      }
      if (cardLike * 3 >= group.size() * 2) {
        for (Block member : group) {
          member.card = true;
        }
      }
    }
  }

  /** Siblings of one kind that make a list of cards. */
  static final int CARD_GROUP = 3;

  /** A card is short ... */
  static final int CARD_MAX_CHARS = 600;

  /** ... leads with a link this long ... */
  static final int CARD_HEADLINE_CHARS = 15;

  /** ... and at least this share of its text is links. */
  static final double CARD_LINK_SHARE = 0.15;

  static Set<Element> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
