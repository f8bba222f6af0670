package io.themewire.classify.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.classify.nlp.Sentence;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolesTest {

  private static List<String> mentions(String text) {
    Sentence s = SharedModel.ANNOTATOR.annotate(text).get(0);
    return Roles.find(s.tokens()).stream().map(m -> m.family() + ":" + m.phrase()).toList();
  }

  @Test
  void find_widensHeadsToTheirPhrases() {
    assertThat(mentions("She moved from senior director of engineering to principal engineer."))
        .containsExactly("manager:senior director of engineering", "ic:principal engineer");
    assertThat(mentions("I was an individual contributor before I became an EM."))
        .containsExactly("ic:individual contributor", "manager:EM");
  }

  @Test
  void find_ignoresManagersThatAreNotPeopleManagers() {
    assertThat(mentions("The package manager and the football manager both crashed.")).isEmpty();
  }
}
