package io.themewire.classify.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.classify.nlp.CoreNlpAnnotator;
import io.themewire.classify.nlp.Dependencies;
import io.themewire.classify.nlp.Sentence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which way a sentence's move goes, read from CoreNLP's dependency parse: who moves from what to
 * what, whatever order the role words come in.
 */
class MovesTest {

  private static final CoreNlpAnnotator ANNOTATOR = SharedModel.ANNOTATOR;

  static String way(String text) {
    List<Moves.Move> all = new ArrayList<>();
    StringBuilder debug = new StringBuilder();
    for (Sentence s : ANNOTATOR.annotate(text)) {
      List<Roles.Mention> mentions = Roles.find(s.tokens());
      if (!mentions.isEmpty()) {
        Dependencies d = ANNOTATOR.parse(s);
        for (int i = 0; i < d.size(); i++) {
          debug.append(s.tokens().get(i).word()).append('/').append(d.relation(i)).append('>');
          debug.append(d.head(i) < 0 ? "ROOT" : s.tokens().get(d.head(i)).word()).append(' ');
        }
      }
      all.addAll(Moves.of(ANNOTATOR, s, mentions));
    }
    if (System.getProperty("moves.debug") != null) {
      System.out.println(text + "\n  " + debug + "\n  " + all);
    }
    String w = Moves.way(all);
    return w == null ? "none" : w;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "After six years managing the platform team I went back to IC work.|manager>ic",
        "She was promoted to engineering manager last spring.|ic>manager",
        "Our director returned to engineering as a principal engineer.|manager>ic",
        "I stepped down from management in March.|manager>ic",
        "He quit managing and now writes code full time.|manager>ic",
        "To management from a senior developer role: my first year.|ic>manager",
        "Last year I became a manager of the team I used to code on.|ic>manager",
        "The company moved dozens of managers into individual contributor roles.|manager>ic",
        "I left my staff engineer job for an engineering manager position.|ic>manager",
        "Thinking about moving into management after five years as a developer.|ic>manager",
        "Our manager said the release slipped again.|none",
        "I went to my manager with the idea.|none",
        "Many engineers become managers too early.|ic>manager",
      })
  void parsedMove_givesTheWayOfTheMove(String text, String expected) {
    assertThat(way(text)).isEqualTo(expected);
  }
}
