package io.themewire.classify.theme;

import io.themewire.classify.nlp.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds mentions of roles of the two families a career move goes between: people management ({@code
 * manager}) and individual contribution ({@code ic}). A mention is a head word ("manager",
 * "engineer", "director", "IC") widened to its phrase ("senior engineering manager", "director of
 * engineering").
 *
 * <p>A head noun preceded by an unrelated noun is not a role: "package manager", "football manager"
 * and "sales lead" stay out, "engineering manager" stays in.
 */
final class Roles {

  static final String MANAGER = "manager";
  static final String IC = "ic";

  /**
   * A role mention: its family, token span [from, to), phrase as written, and whether it names a
   * job title ("staff engineer") rather than an activity of the role ("coding", "1:1s").
   */
  record Mention(String family, int from, int to, String phrase, boolean title) {}

  private static final Set<String> MANAGER_HEADS =
      Set.of(
          "manager",
          "management",
          "mgr",
          "em",
          "director",
          "vp",
          "cto",
          "vpe",
          "supervisor",
          "manage",
          "managing",
          "managerial",
          "leadership");
  private static final Set<String> IC_HEADS =
      Set.of(
          "engineer",
          "developer",
          "dev",
          "programmer",
          "coder",
          "ic",
          "architect",
          "sre",
          "swe",
          "scientist",
          "coding",
          "keyboard",
          "hands-on",
          "ics",
          "programming");

  /** Heads that name what a role does rather than the role. */
  private static final Set<String> ACTIVITIES =
      Set.of(
          "manage",
          "managing",
          "management",
          "leadership",
          "coding",
          "keyboard",
          "hands-on",
          "programming",
          "code",
          "1:1",
          "one-on-one",
          "report",
          "lead");

  /** Verbs after which "code" is the IC's craft ("writing code"), not a coupon or a codebase. */
  private static final Set<String> CODE_VERBS =
      Set.of("write", "ship", "production", "review", "commit");

  private static final Set<String> LED_GROUPS =
      Set.of("team", "people", "group", "org", "organization", "squad");

  /** Nouns that may stand before a manager head without making it something else. */
  private static final Set<String> MANAGER_MODIFIERS =
      Set.of(
          "engineering",
          "software",
          "development",
          "dev",
          "people",
          "team",
          "line",
          "first-time",
          "senior",
          "technical",
          "tech",
          "platform",
          "infrastructure",
          "infra",
          "frontend",
          "backend",
          "mobile",
          "data",
          "security",
          "sre",
          "qa",
          "test",
          "release",
          "site",
          "group",
          "area",
          "middle",
          "eng",
          "hiring",
          "web",
          "ml",
          "devops",
          "cloud",
          "product",
          "director",
          "it");

  private static final Set<String> WIDEN_POS =
      Set.of("JJ", "NN", "NNP", "NNS", "NNPS", "VBN", "HYPH");
  private static final Set<String> NOT_IN_PHRASE =
      Set.of(
          "year", "years", "time", "role", "job", "decade", "month", "months", "i", "my", "the",
          "a", "an");

  private Roles() {}

  /** The family of a head token, or null. */
  static String family(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    String lemma = t.lemma();
    String word = t.word();
    if (lemma.equals("contributor") && i > 0 && tokens.get(i - 1).lemma().equals("individual")) {
      return IC;
    }
    if (word.equals("IC") || word.equals("ICs") || word.equals("EM") || word.equals("EMs")) {
      return word.startsWith("IC") ? IC : MANAGER;
    }
    if (lemma.equals("ic") || lemma.equals("em")) {
      return null; // lower-case "ic"/"em" is rarely the role abbreviation
    }
    if (MANAGER_HEADS.contains(lemma)) {
      if ((lemma.equals("manager") || lemma.equals("director") || lemma.equals("management"))
          && i > 0) {
        Token prev = tokens.get(i - 1);
        if (prev.pos().startsWith("NN") && !MANAGER_MODIFIERS.contains(prev.lemma())) {
          return null;
        }
      }
      if (lemma.equals("leadership") || lemma.equals("manage") || lemma.equals("managing")) {
        // "technical leadership" and "managed to" are not people management.
        if (i > 0 && Set.of("technical", "thought", "tech").contains(tokens.get(i - 1).lemma())) {
          return null;
        }
        if (i + 1 < tokens.size() && tokens.get(i + 1).lemma().equals("to")) {
          return null;
        }
      }
      return MANAGER;
    }
    if (lemma.equals("head") && i + 1 < tokens.size() && tokens.get(i + 1).lemma().equals("of")) {
      return MANAGER;
    }
    if (lemma.equals("1:1") || lemma.equals("one-on-one") || lemma.equals("headcount")) {
      return MANAGER;
    }
    if (lemma.equals("report")
        && t.pos().equals("NNS")
        && i > 0
        && (tokens.get(i - 1).lemma().equals("direct")
            || tokens.get(i - 1).pos().equals("CD")
            || tokens.get(i - 1).pos().equals("PRP$"))) {
      return MANAGER;
    }
    if (lemma.equals("lead") && t.pos().startsWith("VB")) {
      for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
        if (LED_GROUPS.contains(tokens.get(k).lemma())) {
          return MANAGER;
        }
      }
      return null;
    }
    if (lemma.equals("code") && i > 0 && CODE_VERBS.contains(tokens.get(i - 1).lemma())) {
      return IC;
    }
    if (lemma.equals("lead")
        && t.pos().startsWith("NN")
        && i > 0
        && tokens.get(i - 1).lemma().equals("team")) {
      return MANAGER;
    }
    if (IC_HEADS.contains(lemma) || IC_HEADS.contains(word.toLowerCase(Locale.ROOT))) {
      return IC;
    }
    return null;
  }

  /** Every role mention in a sentence, left to right. */
  static List<Mention> find(List<Token> tokens) {
    List<Mention> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String family = family(tokens, i);
      if (family == null) {
        continue;
      }
      boolean title = !ACTIVITIES.contains(tokens.get(i).lemma());
      int from = i;
      while (title
          && from > 0
          && i - from < 3
          && WIDEN_POS.contains(tokens.get(from - 1).pos())
          && !NOT_IN_PHRASE.contains(tokens.get(from - 1).lemma())
          && family(tokens, from - 1) == null) {
        from--;
      }
      int to = i + 1;
      if (title
          && to + 1 < tokens.size()
          && tokens.get(to).lemma().equals("of")
          && tokens.get(to + 1).pos().startsWith("NN")) {
        to += 2;
      }
      StringBuilder phrase = new StringBuilder();
      for (int k = from; k < to; k++) {
        if (k > from && tokens.get(k).begin() > tokens.get(k - 1).end()) {
          phrase.append(' ');
        }
        phrase.append(tokens.get(k).word());
      }
      out.add(new Mention(family, from, to, phrase.toString(), title));
      i = to - 1;
    }
    return out;
  }
}
