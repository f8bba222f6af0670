package io.themewire.classify.theme;

import io.themewire.classify.nlp.Sentence;
import io.themewire.classify.nlp.Token;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The features the theme model reads from annotated sentences:
 *
 * <ul>
 *   <li>{@code w:} lemmas and {@code b:} lemma bigrams — what the text is about;
 *   <li>{@code r:} role families mentioned (manager, ic) — who it is about;
 *   <li>{@code c:} a transition cue and the role family it points at within a few tokens ("back to"
 *       an IC role, "promoted to" a manager role, "step down from" management);
 *   <li>{@code ft:} an explicit "from A to B" between role families, and {@code o:} the order in
 *       which the families appear — which way a move goes;
 *   <li>{@code d:} the roles left and taken up as the dependency parse reads them ({@link Moves}),
 *       and {@code d:way:} the way a sentence's moves agree on.
 * </ul>
 *
 * Changing what this class emits changes every model: bump {@link #VERSION}.
 */
final class Features {

  /** Part of the model version: bump when the features change. */
  static final int VERSION = 10;

  private static final Set<String> CUES =
      Set.of(
          "from",
          "to",
          "into",
          "back",
          "as",
          "become",
          "promote",
          "step",
          "leave",
          "return",
          "quit",
          "move",
          "switch",
          "transition",
          "go",
          "join",
          "take",
          "hand",
          "give",
          "trade",
          "after",
          "left",
          "now",
          "turn",
          "stay",
          "offer",
          "accept",
          "decline",
          "miss",
          "pivot",
          "rejoin",
          "before",
          "for",
          "than",
          "instead");
  private static final int CUE_REACH = 5;

  /** Job-level codes as ladders write them: L5, E6, IC4, SDE2, P3, M1. */
  private static final java.util.regex.Pattern LEVEL_CODE =
      java.util.regex.Pattern.compile("(?:L|E|IC|SDE|SWE|P|M|T|G|D)-?[1-9][0-9]?");

  private Features() {}

  /** The prefix of the feature saying which way a sentence's moves agree on. */
  static final String WAY = "d:way:";

  /**
   * Features of a whole text: the union of its sentences' features, parsing the sentences that may
   * describe a move ({@link Moves#of}).
   */
  static Set<String> of(io.themewire.classify.nlp.CoreNlpAnnotator annotator, List<Sentence> text) {
    Set<String> out = new LinkedHashSet<>();
    for (Sentence s : text) {
      List<Roles.Mention> mentions = Roles.find(s.tokens());
      out.addAll(of(s, mentions, Moves.of(annotator, s, mentions)));
    }
    return out;
  }

  /** Features of one sentence alone, given its role mentions and the moves read from its parse. */
  static Set<String> of(Sentence sentence, List<Roles.Mention> mentions, List<Moves.Move> moves) {
    Set<String> out = new LinkedHashSet<>();
    addSentence(sentence.tokens(), mentions, out);
    for (Moves.Move m : moves) {
      out.add("d:" + m.part() + ">" + m.family());
      out.add("d:" + m.cue() + ">" + m.part() + ">" + m.family());
    }
    String way = Moves.way(moves);
    if (way != null) {
      out.add(WAY + way);
    }
    return out;
  }

  private static void addSentence(
      List<Token> tokens, List<Roles.Mention> mentions, Set<String> out) {
    String prev = "<s>";
    for (Token t : tokens) {
      if (isNoise(t)) {
        continue;
      }
      String lemma = t.lemma();
      if (looksLikeLevelCode(t.word()) && LEVEL_CODE.matcher(t.word()).matches()) {
        out.add("s:level-code");
      }
      out.add("w:" + lemma);
      out.add("b:" + prev + "_" + lemma);
      prev = lemma;
    }
    for (Roles.Mention m : mentions) {
      out.add("r:" + m.family());
    }
    addRoleContexts(tokens, mentions, out);
    addCues(tokens, mentions, out);
    addCueClasses(tokens, mentions, out);
    addOrder(mentions, out);
    addFromTo(tokens, mentions, out);
  }

  private static void addCues(List<Token> tokens, List<Roles.Mention> mentions, Set<String> out) {
    for (int i = 0; i < tokens.size(); i++) {
      String lemma = tokens.get(i).lemma();
      if (!CUES.contains(lemma)) {
        continue;
      }
      for (Roles.Mention m : mentions) {
        if (m.from() > i && m.from() - i <= CUE_REACH) {
          out.add("c:" + lemma + ">" + m.family());
          break;
        }
      }
      for (int k = mentions.size() - 1; k >= 0; k--) {
        Roles.Mention m = mentions.get(k);
        if (m.to() <= i && i - m.to() < 3) {
          out.add("c:" + m.family() + "<" + lemma);
          break;
        }
      }
    }
  }

  /**
   * N-grams of the sentence with each role phrase collapsed to its family ({@code back_to_IC},
   * {@code from_MANAGER_to}): the words around a role say which way a move goes, whichever title
   * the writer used.
   */
  private static void addRoleContexts(
      List<Token> tokens, List<Roles.Mention> mentions, Set<String> out) {
    if (mentions.isEmpty()) {
      return;
    }
    List<String> seq = new java.util.ArrayList<>();
    int m = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (m < mentions.size() && mentions.get(m).from() == i) {
        seq.add(mentions.get(m).family().toUpperCase(java.util.Locale.ROOT));
        i = mentions.get(m).to() - 1;
        m++;
      } else if (!isNoise(tokens.get(i))) {
        seq.add(tokens.get(i).lemma());
      }
    }
    for (int i = 0; i < seq.size(); i++) {
      String w = seq.get(i);
      if (!w.equals("IC") && !w.equals("MANAGER")) {
        continue;
      }
      String p1 = i > 0 ? seq.get(i - 1) : "<s>";
      String p2 = i > 1 ? seq.get(i - 2) : "<s>";
      String n1 = i + 1 < seq.size() ? seq.get(i + 1) : "</s>";
      String n2 = i + 2 < seq.size() ? seq.get(i + 2) : "</s>";
      out.add("g:" + p1 + "_" + w);
      out.add("g:" + p2 + "_" + p1 + "_" + w);
      out.add("g:" + w + "_" + n1);
      out.add("g:" + w + "_" + n1 + "_" + n2);
    }
  }

  /** Words that, shortly before a role, mark it as the one left behind. */
  private static final Set<String> SOURCE_CUES =
      Set.of(
          "from",
          "former",
          "formerly",
          "previously",
          "ex",
          "ex-",
          "leave",
          "quit",
          "resign",
          "after",
          "exit",
          "away",
          "down",
          "stop",
          "give",
          "abandon",
          "retire",
          "used",
          "years");

  /** Words that, shortly before a role, mark it as the one moved to. */
  private static final Set<String> TARGET_CUES =
      Set.of(
          "to",
          "into",
          "become",
          "now",
          "new",
          "first",
          "promote",
          "appoint",
          "name",
          "back",
          "return",
          "join",
          "accept",
          "take",
          "start",
          "begin",
          "hire",
          "offer",
          "apply",
          "interview",
          "onto",
          "toward",
          "towards",
          "today",
          "officially");

  private static final int CUE_CLASS_REACH = 6;

  /**
   * For each role, the class of the nearest cue before it: {@code k:SRC>manager} (a manager role
   * being left) or {@code k:TGT>ic} (an IC role being taken up). Classes pool the evidence of many
   * rare cue words.
   */
  private static void addCueClasses(
      List<Token> tokens, List<Roles.Mention> mentions, Set<String> out) {
    for (Roles.Mention m : mentions) {
      for (int i = m.from() - 1; i >= Math.max(0, m.from() - CUE_CLASS_REACH); i--) {
        String lemma = tokens.get(i).lemma();
        String cls =
            SOURCE_CUES.contains(lemma) ? "SRC" : TARGET_CUES.contains(lemma) ? "TGT" : null;
        if (lemma.equals("be")) {
          // "I was a manager" leaves a role behind; "I am a manager" holds it now.
          String pos = tokens.get(i).pos();
          cls = pos.equals("VBD") ? "SRC" : pos.equals("VBP") || pos.equals("VBZ") ? "TGT" : null;
        }
        if (cls != null) {
          out.add("k:" + cls + ">" + m.family());
          out.add("k:" + lemma + ">" + m.family() + (m.title() ? "" : "-act"));
          break;
        }
      }
    }
  }

  private static void addOrder(List<Roles.Mention> mentions, Set<String> out) {
    for (int a = 0; a < mentions.size(); a++) {
      for (int b = a + 1; b < mentions.size(); b++) {
        if (!mentions.get(a).family().equals(mentions.get(b).family())) {
          out.add("o:" + mentions.get(a).family() + ">" + mentions.get(b).family());
          return;
        }
      }
    }
  }

  private static void addFromTo(List<Token> tokens, List<Roles.Mention> mentions, Set<String> out) {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).lemma().equals("from")) {
        continue;
      }
      Roles.Mention source = firstAfter(mentions, i, CUE_REACH);
      if (source == null) {
        continue;
      }
      for (int j = source.to(); j < Math.min(tokens.size(), source.to() + 6); j++) {
        String l = tokens.get(j).lemma();
        if (l.equals("to") || l.equals("into") || l.equals("for")) {
          Roles.Mention target = firstAfter(mentions, j, CUE_REACH);
          if (target != null) {
            out.add("ft:" + source.family() + ">" + target.family());
          }
          break;
        }
      }
    }
  }

  private static Roles.Mention firstAfter(List<Roles.Mention> mentions, int i, int reach) {
    for (Roles.Mention m : mentions) {
      if (m.from() > i && m.from() - i <= reach) {
        return m;
      }
    }
    return null;
  }

  /** A cheap test before the regex: level codes are short, start upper-case and end in a digit. */
  private static boolean looksLikeLevelCode(String w) {
    int n = w.length();
    return n >= 2
        && n <= 6
        && Character.isUpperCase(w.charAt(0))
        && Character.isDigit(w.charAt(n - 1));
  }

  private static boolean isNoise(Token t) {
    String pos = t.pos();
    return pos.equals(",")
        || pos.equals(".")
        || pos.equals(":")
        || pos.equals("``")
        || pos.equals("''")
        || pos.equals("-LRB-")
        || pos.equals("-RRB-")
        || pos.equals("CD")
        || pos.equals("SYM");
  }
}
