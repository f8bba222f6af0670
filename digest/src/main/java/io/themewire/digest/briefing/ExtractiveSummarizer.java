package io.themewire.digest.briefing;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.SentenceSpan;
import io.themewire.digest.story.MemberRole;
import io.themewire.digest.story.Story;
import io.themewire.digest.story.StoryMember;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extractive summarizer. For each member (sources first, then copies, then discussions) it
 * takes the sentences of the item's text that the classifier found most salient ({@link
 * ClassifiedItem#sentences()}), leaving out the title (the headline already says it) and fragments
 * that are not sentences (bylines, headings, lists: too short, too long, or without an ending
 * stop). A sentence's weight is its salience, a little more near the start of the body (writers put
 * the news first), half as much when it opens by pointing back at an earlier sentence ("That was my
 * job"). Sentences that say the same thing in nearly the same words — within one item or across
 * members — become one sentence, cited with every site that said it. Of these it keeps the best
 * {@value #MAX_SENTENCES}: most salient first, a sentence told by more sites counting for more, at
 * most {@value #PER_ITEM} from one item while others have some to give. They are printed in reading
 * order: by member, then by position in the text.
 */
final class ExtractiveSummarizer implements Summarizer {

  /** The most sentences in a summary. */
  static final int MAX_SENTENCES = 4;

  /** The fewest a summary aims for, when the members have them. */
  static final int MIN_SENTENCES = 2;

  /** Sentences taken from one item before others have had their turn. */
  static final int PER_ITEM = 2;

  /** Candidates read from one item, most salient first. */
  static final int CANDIDATES_PER_ITEM = 8;

  /** Words a sentence needs to be one, and the most it may have. */
  static final int MIN_WORDS = 6;

  static final int MAX_WORDS = 60;

  /**
   * How alike two sentences' word sets must be to be one sentence: Jaccard similarity, or the share
   * of the shorter one's words found in the longer one.
   */
  static final double SAME_JACCARD = 0.6;

  static final double SAME_CONTAINMENT = 0.85;

  /** What each further site telling a sentence adds to its salience (corroboration). */
  static final double PER_EXTRA_SITE = 0.15;

  /**
   * What being the first sentence of the body adds to its salience, falling off linearly to nothing
   * by sentence {@value #LEAD_SENTENCES}: writers put the news first.
   */
  static final double LEAD_BONUS = 0.2;

  static final int LEAD_SENTENCES = 5;

  /**
   * A sentence opening with a word that points back at an earlier one ("That was my job", "It
   * worked") cannot stand alone in a summary; its salience counts this much.
   */
  static final double ANAPHORIC_FACTOR = 0.5;

  /** Pronouns and determiners that refer back: closed-class words, not a topic list. */
  private static final Set<String> BACK_REFERENCES =
      Set.of(
          "it", "its", "this", "that", "these", "those", "they", "them", "their", "he", "she",
          "his", "her", "both", "such", "there", "here", "also", "but", "and", "so", "then");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
  private static final Pattern ENDS_LIKE_A_SENTENCE = Pattern.compile(".*[.!?][\"'”’)]*$");

  @Override
  public List<CitedSentence> summarize(Story story, Map<String, ClassifiedItem> items) {
    List<Candidate> candidates = new ArrayList<>();
    List<StoryMember> ordered = new ArrayList<>(story.members(MemberRole.SOURCE));
    ordered.addAll(story.members(MemberRole.COPY));
    ordered.addAll(story.members(MemberRole.DISCUSSION));
    for (int m = 0; m < ordered.size(); m++) {
      StoryMember member = ordered.get(m);
      ClassifiedItem item = items.get(member.item().id());
      if (item != null) {
        candidates.addAll(candidates(item, member, m));
      }
    }
    List<Group> groups = group(candidates);
    return choose(groups).stream().map(Group::cite).toList();
  }

  /** The usable sentences of one item, most salient first. */
  private static List<Candidate> candidates(ClassifiedItem item, StoryMember member, int order) {
    String text = item.item().fullText();
    String title = item.item().title();
    int bodyStart = title.isEmpty() ? 0 : Math.min(text.length(), title.length());
    List<SentenceSpan> spans =
        item.sentences().isEmpty() ? split(text, bodyStart) : item.sentences();
    Set<String> titleWords = words(title);
    List<Candidate> out = new ArrayList<>();
    int position = -1;
    for (SentenceSpan span : spans) {
      if (span.start() < bodyStart || span.end() > text.length()) {
        continue;
      }
      position++;
      String sentence = collapse(text.substring(span.start(), span.end()));
      Set<String> words = words(sentence);
      int count = wordCount(sentence);
      if (count < MIN_WORDS
          || count > MAX_WORDS
          || !ENDS_LIKE_A_SENTENCE.matcher(sentence).matches()
          || !Character.isLetterOrDigit(sentence.codePointAt(0))
              && "\"'“‘(".indexOf(sentence.charAt(0)) < 0
          || same(words, titleWords)) {
        continue;
      }
      double salience = span.salience();
      if (BACK_REFERENCES.contains(firstWord(sentence))) {
        salience *= ANAPHORIC_FACTOR;
      }
      salience += LEAD_BONUS * Math.max(0, 1 - position / (double) LEAD_SENTENCES);
      out.add(
          new Candidate(
              sentence,
              words,
              salience,
              order,
              span.start(),
              member.item().id(),
              site(member, item)));
    }
    out.sort(
        Comparator.comparingDouble(Candidate::salience)
            .reversed()
            .thenComparingInt(Candidate::offset));
    return out.subList(0, Math.min(CANDIDATES_PER_ITEM, out.size()));
  }

  /** Sentences of {@code text} after {@code from}, salience 0, for items stored without them. */
  private static List<SentenceSpan> split(String text, int from) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
    it.setText(text);
    List<SentenceSpan> spans = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      if (start >= from) {
        spans.add(new SentenceSpan(start, end, 0));
      }
    }
    return spans;
  }

  private static String site(StoryMember member, ClassifiedItem item) {
    String site = member.item().site();
    if (site == null && item.item().url() != null) {
      site = SafeLinks.siteOf(item.item().url().value());
    }
    return site != null ? site : item.item().source().name();
  }

  /** Near-identical candidates joined (transitively) into groups, in candidate order. */
  private static List<Group> group(List<Candidate> candidates) {
    int n = candidates.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (same(candidates.get(i).words(), candidates.get(j).words())) {
          parent[find(parent, j)] = find(parent, i);
        }
      }
    }
    Map<Integer, Group> byRoot = new HashMap<>();
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Group g = byRoot.computeIfAbsent(find(parent, i), r -> new Group());
      if (g.members.isEmpty()) {
        groups.add(g);
      }
      g.members.add(candidates.get(i));
    }
    return groups;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  static boolean same(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    int shared = 0;
    for (String w : a) {
      if (b.contains(w)) {
        shared++;
      }
    }
    double jaccard = shared / (double) (a.size() + b.size() - shared);
    double containment = shared / (double) Math.min(a.size(), b.size());
    return jaccard >= SAME_JACCARD
        || (containment >= SAME_CONTAINMENT && Math.min(a.size(), b.size()) >= MIN_WORDS);
  }

  /** The groups to print, in reading order. */
  private static List<Group> choose(List<Group> groups) {
    List<Group> ranked = new ArrayList<>(groups);
    ranked.sort(
        Comparator.comparingDouble(Group::score)
            .reversed()
            .thenComparingInt(g -> g.lead().order())
            .thenComparingInt(g -> g.lead().offset()));
    List<Group> chosen = new ArrayList<>();
    Map<String, Integer> perItem = new HashMap<>();
    // First pass: spread the summary over the members; second: fill up from anywhere.
    for (int pass = 0; pass < 2 && chosen.size() < MAX_SENTENCES; pass++) {
      for (Group g : ranked) {
        if (chosen.size() >= MAX_SENTENCES) {
          break;
        }
        if (chosen.contains(g)) {
          continue;
        }
        String item = g.lead().itemId();
        if (pass == 0 && perItem.getOrDefault(item, 0) >= PER_ITEM) {
          continue;
        }
        if (pass == 1 && chosen.size() >= MIN_SENTENCES) {
          break;
        }
        chosen.add(g);
        perItem.merge(item, 1, Integer::sum);
      }
    }
    chosen.sort(
        Comparator.comparingInt((Group g) -> g.lead().order())
            .thenComparingInt(g -> g.lead().offset()));
    return chosen;
  }

  static Set<String> words(String sentence) {
    Set<String> words = new HashSet<>();
    Matcher m = WORD.matcher(sentence.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  private static String firstWord(String sentence) {
    Matcher m = WORD.matcher(sentence);
    return m.find() ? m.group().toLowerCase(Locale.ROOT) : "";
  }

  private static int wordCount(String sentence) {
    Matcher m = WORD.matcher(sentence);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static String collapse(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  /** One sentence of one member. {@code order} is the member's place in the story. */
  private record Candidate(
      String text,
      Set<String> words,
      double salience,
      int order,
      int offset,
      String itemId,
      String site) {}

  /** Sentences that say the same thing; the first teller's words are printed. */
  private static final class Group {
    final List<Candidate> members = new ArrayList<>();

    /** The most salient member, the earliest member and position on ties. */
    Candidate lead() {
      return members.stream()
          .min(
              Comparator.comparingDouble(Candidate::salience)
                  .reversed()
                  .thenComparingInt(Candidate::order)
                  .thenComparingInt(Candidate::offset))
          .orElseThrow();
    }

    double score() {
      return lead().salience() + PER_EXTRA_SITE * (sites().size() - 1);
    }

    Set<String> sites() {
      Set<String> sites = new LinkedHashSet<>();
      sites.add(lead().site());
      members.stream()
          .sorted(Comparator.comparingInt(Candidate::order).thenComparingInt(Candidate::offset))
          .forEach(c -> sites.add(c.site()));
      return sites;
    }

    CitedSentence cite() {
      Set<String> ids = new LinkedHashSet<>();
      ids.add(lead().itemId());
      members.stream()
          .sorted(Comparator.comparingInt(Candidate::order).thenComparingInt(Candidate::offset))
          .forEach(c -> ids.add(c.itemId()));
      return new CitedSentence(lead().text(), List.copyOf(sites()), List.copyOf(ids));
    }
  }
}
