package io.themewire.classify.theme;

import io.themewire.classify.nlp.Sentence;
import io.themewire.classify.nlp.Token;
import java.util.Collection;
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
 *       which the families appear — which way a move goes.
 * </ul>
 *
 * Changing what this class emits changes every model: bump {@link #VERSION}.
 */
final class Features {

  /** Part of the model version: bump when the features change. */
  static final int VERSION = 1;

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

  private Features() {}

  /** Features of a whole text: the union of its sentences' features. */
  static Set<String> of(Collection<Sentence> sentences) {
    Set<String> out = new LinkedHashSet<>();
    for (Sentence s : sentences) {
      addSentence(s.tokens(), out);
    }
    return out;
  }

  /** Features of one sentence alone. */
  static Set<String> of(Sentence sentence) {
    Set<String> out = new LinkedHashSet<>();
    addSentence(sentence.tokens(), out);
    return out;
  }

  private static void addSentence(List<Token> tokens, Set<String> out) {
    String prev = "<s>";
    for (Token t : tokens) {
      if (isNoise(t)) {
        continue;
      }
      String lemma = t.lemma();
      out.add("w:" + lemma);
      out.add("b:" + prev + "_" + lemma);
      prev = lemma;
    }
    List<Roles.Mention> mentions = Roles.find(tokens);
    for (Roles.Mention m : mentions) {
      out.add("r:" + m.family());
    }
    addCues(tokens, mentions, out);
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
