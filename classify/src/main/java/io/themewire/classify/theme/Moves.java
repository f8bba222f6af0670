package io.themewire.classify.theme;

import io.themewire.classify.nlp.CoreNlpAnnotator;
import io.themewire.classify.nlp.Dependencies;
import io.themewire.classify.nlp.Sentence;
import io.themewire.classify.nlp.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads who moves from what to what in a sentence from its dependency parse: each role mention's
 * place in the clause of a movement verb or noun. A role is the <em>source</em> of a move when it
 * is left ("stepped down from management", "quit managing", "engineers who become managers",
 * "managers were moved into IC roles") and the <em>target</em> when it is taken up ("promoted to
 * manager", "went back to IC", "she became the team's lead", "returned to coding", "moving into
 * management").
 *
 * <p>The verbs fall into three classes by what their object is: a <em>move</em> verb's object or
 * subject is the one moving, in the role they hold before ("promote engineers", "managers
 * transition"), with the destination in a {@code to}/{@code into}/{@code back to} oblique; a
 * <em>leave</em> verb's object is the role left; an <em>enter</em> verb's object or complement is
 * the role taken. Order of words plays no part: "to management from engineering" reads the same as
 * "from engineering to management".
 *
 * <p>Only sentences with a role mention and a sign of a move are parsed ({@link #worthParsing}): a
 * few per text.
 */
final class Moves {

  /** Whether a role is left or taken up in a move. */
  enum Part {
    SOURCE,
    TARGET
  }

  /**
   * One role's part in a move.
   *
   * @param family the role's family ({@link Roles#MANAGER} or {@link Roles#IC})
   * @param part source or target
   * @param cue the verb class and relation that said so, e.g. {@code move/obl-to}
   */
  record Move(String family, Part part, String cue) {}

  /** Verbs and nouns of moving between roles: their subject or object is the one moving. */
  private static final Set<String> MOVE =
      Set.of(
          "move",
          "go",
          "come",
          "return",
          "transition",
          "switch",
          "shift",
          "promote",
          "demote",
          "push",
          "pivot",
          "change",
          "turn",
          "convert",
          "step",
          "fall",
          "head",
          "jump",
          "migrate",
          "graduate",
          "transfer",
          "rotate",
          "bounce",
          "drift",
          "path",
          "promotion",
          "journey");

  /** Verbs whose object is the role left behind. */
  private static final Set<String> LEAVE =
      Set.of(
          "leave",
          "quit",
          "abandon",
          "exit",
          "drop",
          "retire",
          "resign",
          "escape",
          "ditch",
          "stop",
          "relinquish",
          "give",
          "hand",
          "trade");

  /** Verbs whose object or complement is the role taken up. */
  private static final Set<String> ENTER =
      Set.of(
          "become", "join", "take", "accept", "enter", "start", "begin", "pursue", "try", "land",
          "embrace", "choose", "rejoin", "assume", "offer", "appoint", "name", "make", "tap",
          "resume", "get");

  private static final Set<String> TO = Set.of("to", "into", "onto", "toward", "towards", "back");

  /** Adverbs a role may hang off in the parse ("back to", "down from"). */
  private static final Set<String> PARTICLES = Set.of("back", "down", "up", "away", "out", "over");

  /** Sentences longer than this are not parsed (the parse is slow and rarely useful there). */
  static final int MAX_TOKENS = 70;

  private Moves() {}

  /** Whether a sentence may describe a move between role families: worth the parse. */
  static boolean worthParsing(List<Token> tokens, List<Roles.Mention> mentions) {
    if (mentions.isEmpty() || tokens.size() > MAX_TOKENS) {
      return false;
    }
    for (Token t : tokens) {
      String l = t.lemma();
      if (MOVE.contains(l)
          || LEAVE.contains(l)
          || ENTER.contains(l)
          || l.equals("from")
          || l.equals("back")) {
        return true;
      }
    }
    return false;
  }

  /** The moves of a sentence, parsing it when it is worth it; empty otherwise. */
  static List<Move> of(CoreNlpAnnotator annotator, Sentence s, List<Roles.Mention> mentions) {
    if (annotator == null || !worthParsing(s.tokens(), mentions)) {
      return List.of();
    }
    return read(s.tokens(), mentions, annotator.parse(s));
  }

  /** The moves read from a parsed sentence. */
  static List<Move> read(List<Token> tokens, List<Roles.Mention> mentions, Dependencies d) {
    List<Move> out = new ArrayList<>();
    for (Roles.Mention m : mentions) {
      Move move = place(tokens, mentions, m, d);
      if (move != null) {
        out.add(move);
      }
    }
    return out;
  }

  private static Move place(
      List<Token> tokens, List<Roles.Mention> mentions, Roles.Mention m, Dependencies d) {
    int cur = headOf(m, d);
    // Climb from the role word to the phrase that plays the part in the clause: "IC" in "an IC
    // role", "code" in "writing code", "manager" in "the role of manager".
    for (int step = 0; step < 3; step++) {
      int g = d.head(cur);
      if (g < 0 || inMention(mentions, g) != null && inMention(mentions, g) != m) {
        break;
      }
      String rel = d.relation(cur);
      Token gov = tokens.get(g);
      if ((rel.equals("compound") || rel.equals("amod") || rel.equals("nmod:poss"))
          && gov.pos().startsWith("NN")
          && !isMoveWord(gov.lemma())) {
        cur = g;
      } else if (rel.equals("nmod")
          && gov.pos().startsWith("NN")
          && hasCase(tokens, d, cur, Set.of("of"))) {
        cur = g; // "the role of manager", "dozens of managers"
      } else if ((rel.equals("obj") || rel.equals("xcomp"))
          && gov.pos().equals("VBG")
          && !isMoveWord(gov.lemma())) {
        cur = g; // "writing code", "managing people"
      } else {
        break;
      }
    }
    if (possessed(tokens, d, headOf(m, d))) {
      return null; // "my manager", "her director": a person, not a role moved between
    }
    Set<String> cases = markers(tokens, d, cur);
    int g = d.head(cur);
    // "went back to IC", "stepped down from management": the parse may hang the role off the
    // adverb; the adverb then says the way, and its head is the verb.
    while (g >= 0
        && PARTICLES.contains(tokens.get(g).lemma())
        && tokens.get(g).pos().startsWith("R")) {
      cases.add(tokens.get(g).lemma());
      g = d.head(g);
    }
    boolean from = cases.contains("from") || cases.contains("out") && cases.contains("of");
    if (g < 0) {
      // A heading: "To management, from a developer role".
      return from
          ? new Move(m.family(), Part.SOURCE, "root/from")
          : cases.contains("to") ? new Move(m.family(), Part.TARGET, "root/to") : null;
    }
    String lemma = tokens.get(g).lemma();
    String rel = d.relation(cur);
    String base = d.base(cur);
    String cls = classOf(tokens, d, g, lemma, cases);
    if (cls == null && intersects(cases, TO) || cls == null && from) {
      // The parser often attaches "into management" to the clause above the movement verb
      // ("thinking about moving into management"): a movement verb beside the role, left of it,
      // under the same head, governs it.
      for (int k : d.children(g)) {
        if (k < cur
            && tokens.get(k).pos().startsWith("VB")
            && MOVE.contains(tokens.get(k).lemma())) {
          cls = "move";
          lemma = tokens.get(k).lemma();
        }
      }
    }
    if (cls == null) {
      // "from engineer to manager" with no verb: one role hangs off the other.
      Roles.Mention other = inMention(mentions, g);
      if (other != null && other != m && base.equals("nmod")) {
        if (from) {
          return new Move(m.family(), Part.SOURCE, "role/from");
        }
        if (intersects(cases, TO)) {
          return new Move(m.family(), Part.TARGET, "role/to");
        }
      }
      return null;
    }
    if (from) {
      return new Move(m.family(), Part.SOURCE, cls + "/from");
    }
    if (intersects(cases, TO)) {
      return cls.equals("leave") ? null : new Move(m.family(), Part.TARGET, cls + "/to");
    }
    if (cases.contains("for")) {
      // "left management for a staff role", "traded coding for 1:1s"
      return cls.equals("leave") ? new Move(m.family(), Part.TARGET, "leave/for") : null;
    }
    if (cases.contains("as")) {
      boolean start = lemma.equals("start") || lemma.equals("begin");
      return new Move(
          m.family(), cls.equals("leave") || start ? Part.SOURCE : Part.TARGET, cls + "/as");
    }
    if (base.equals("obj") || base.equals("xcomp") || base.equals("ccomp")) {
      return switch (cls) {
        case "leave" -> new Move(m.family(), Part.SOURCE, "leave/obj");
        case "enter" -> new Move(m.family(), Part.TARGET, "enter/obj");
        default -> new Move(m.family(), Part.SOURCE, "move/obj");
      };
    }
    if (base.equals("nsubj") || rel.equals("nsubj:pass")) {
      return cls.equals("leave") ? null : new Move(m.family(), Part.SOURCE, cls + "/subj");
    }
    return null;
  }

  /** Whether a role word has a possessor: "my manager" is a person. */
  private static boolean possessed(List<Token> tokens, Dependencies d, int i) {
    for (int k : d.children(i)) {
      if (d.relation(k).equals("nmod:poss")) {
        return true;
      }
    }
    return false;
  }

  /** The class of a governing word ({@code move}, {@code leave}, {@code enter}) or null. */
  private static String classOf(
      List<Token> tokens, Dependencies d, int g, String lemma, Set<String> cases) {
    String particle = cases.contains("down") ? "down" : cases.contains("up") ? "up" : null;
    for (int k : d.children(g)) {
      if (d.relation(k).equals("compound:prt")
          || d.base(k).equals("advmod") && PARTICLES.contains(tokens.get(k).lemma())) {
        particle = tokens.get(k).lemma();
      }
    }
    if (lemma.equals("step") || lemma.equals("give") || lemma.equals("hand")) {
      if ("down".equals(particle) || "up".equals(particle) && !lemma.equals("step")) {
        return "leave"; // "stepped down from", "gave up management"
      }
      if (lemma.equals("step")) {
        return "move"; // "stepped into management", "stepped up as lead"
      }
      return lemma.equals("hand") ? "leave" : null;
    }
    if ((lemma.equals("turn") || lemma.equals("pass")) && "down".equals(particle)) {
      return "enter"; // "turned down management": the role on offer, as the move considered
    }
    if (LEAVE.contains(lemma)) {
      return "leave";
    }
    if (ENTER.contains(lemma)) {
      return "enter";
    }
    if (MOVE.contains(lemma)) {
      return "move";
    }
    return null;
  }

  private static boolean isMoveWord(String lemma) {
    return MOVE.contains(lemma) || LEAVE.contains(lemma) || ENTER.contains(lemma);
  }

  /** The lemmas of the case and mark words of token {@code i}, and "back" before it. */
  private static Set<String> markers(List<Token> tokens, Dependencies d, int i) {
    Set<String> out = new java.util.HashSet<>();
    for (int k : d.children(i)) {
      String base = d.base(k);
      if (base.equals("case") || base.equals("mark") || k < i && base.equals("advmod")) {
        out.add(tokens.get(k).lemma());
      }
    }
    return out;
  }

  private static boolean hasCase(List<Token> tokens, Dependencies d, int i, Set<String> words) {
    return intersects(markers(tokens, d, i), words);
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String x : a) {
      if (b.contains(x)) {
        return true;
      }
    }
    return false;
  }

  /** The token of a mention that the parse attaches outside it. */
  private static int headOf(Roles.Mention m, Dependencies d) {
    for (int i = m.to() - 1; i >= m.from(); i--) {
      int h = d.head(i);
      if (h < m.from() || h >= m.to()) {
        return i;
      }
    }
    return m.to() - 1;
  }

  private static Roles.Mention inMention(List<Roles.Mention> mentions, int i) {
    for (Roles.Mention m : mentions) {
      if (i >= m.from() && i < m.to()) {
        return m;
      }
    }
    return null;
  }

  /**
   * Which way the moves of a text point: +1 per role left of family A or taken up of family B
   * counts for "A to B".
   *
   * @return the family pair {@code "ic>manager"} or {@code "manager>ic"} the evidence agrees on, or
   *     null when there is none or it points both ways
   */
  static String way(List<Move> moves) {
    int toManager = 0;
    int toIc = 0;
    for (Move m : moves) {
      boolean manager = m.family().equals(Roles.MANAGER);
      if (manager == (m.part() == Part.TARGET)) {
        toManager++;
      } else {
        toIc++;
      }
    }
    if (toManager > 0 && toIc == 0) {
      return Roles.IC + ">" + Roles.MANAGER;
    }
    if (toIc > 0 && toManager == 0) {
      return Roles.MANAGER + ">" + Roles.IC;
    }
    return null;
  }
}
