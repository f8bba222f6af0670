package io.themewire.classify.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.Direction;
import io.themewire.core.message.Evidence;
import org.junit.jupiter.api.Test;

class CoreNlpThemeClassifierTest {

  private final ThemeClassifier classifier = SharedModel.CLASSIFIER;

  @Test
  void classify_managerBackToStaffEngineer_isManagerToIcWithEvidenceAndDirection() {
    String text =
        "After six years as an engineering manager I went back to writing code as a staff engineer.";

    Classification c = classifier.classify(text);

    assertThat(c.primary()).isEqualTo("manager-to-ic");
    Evidence e = c.evidence().get(0);
    assertThat(e.theme()).isEqualTo("manager-to-ic");
    assertThat(e.sentence()).isEqualTo(text);
    assertThat(text.substring(e.start(), e.end())).isEqualTo(text);
    assertThat(c.direction()).isEqualTo(new Direction("engineering manager", "staff engineer"));
  }

  @Test
  void classify_clearMoveIsConfident_offTopicPostWithOneCareerWordIsNotPulledIntoATheme() {
    Classification clear =
        classifier.classify(
            "After six years as an engineering manager I went back to writing code as a staff"
                + " engineer.");
    Classification vague =
        classifier.classify(
            "Anyone else think the new office coffee machine is worse? Even my manager agrees.");

    assertThat(clear.uncertain()).isFalse();
    assertThat(clear.confidence()).isGreaterThanOrEqualTo(CoreNlpThemeClassifier.UNCERTAIN_BELOW);
    assertThat(clear.flags()).doesNotContain(CoreNlpThemeClassifier.UNCERTAIN);
    assertThat(vague.primary()).isEqualTo("other");
    assertThat(vague.confidence()).isLessThan(clear.confidence());
  }

  @Test
  void classify_promotionIntoManagement_isIcToManager() {
    Classification c =
        classifier.classify(
            "Last month I was promoted from senior backend engineer to engineering manager of the payments team.");

    assertThat(c.primary()).isEqualTo("ic-to-manager");
    assertThat(c.direction())
        .isEqualTo(new Direction("senior backend engineer", "engineering manager"));
  }

  @Test
  void classify_trapWordsInOtherSenses_areOther() {
    assertThat(
            classifier
                .classify(
                    "We switched our monorepo from npm to a faster package manager and builds dropped to four minutes.")
                .primary())
        .isEqualTo("other");
    assertThat(
            classifier
                .classify(
                    "Use promotion code FALL25 at checkout for 20% off all senior citizen tickets.")
                .primary())
        .isEqualTo("other");
  }

  @Test
  void classify_evidencePicksTheCarryingSentenceOfALongerText() {
    String text =
        "Our team migrated the billing service to Kotlin this quarter. "
            + "The rollout took three weeks and we had one incident. "
            + "In the middle of it all, I told my director I wanted to stop managing and return to hands-on engineering. "
            + "The new build pipeline is twice as fast.";

    Classification c = classifier.classify(text);

    assertThat(c.primary()).isEqualTo("manager-to-ic");
    assertThat(c.evidence().get(0).sentence()).startsWith("In the middle of it all");
    assertThat(c.sentences()).hasSize(4);
  }

  @Test
  void classify_oddInputsGetDefinedResults() {
    assertThat(classifier.classify("").primary()).isEqualTo(ClassifiedItem.UNCLASSIFIED);
    assertThat(classifier.classify("").flags()).containsExactly("empty");
    Classification german =
        classifier.classify(
            "Nach sechs Jahren als Teamleiter bin ich wieder in die Entwicklung gewechselt, weil mir das Programmieren fehlte.");
    assertThat(german.primary()).isEqualTo(ClassifiedItem.UNCLASSIFIED);
    assertThat(german.flags()).contains("non-english");
    Classification garbage =
        classifier.classify("\u0000\u0001\u0002 ÿþ \uFFFD\uFFFD 0x7f 0x00 ### $$$ 1234 5678");
    assertThat(garbage.primary()).isEqualTo(ClassifiedItem.UNCLASSIFIED);
    assertThat(garbage.flags()).containsExactly("not-text");
    String huge = "I went back to IC after managing. ".repeat(200_000);
    Classification big = classifier.classify(huge);
    assertThat(big.flags()).contains("truncated");
    assertThat(big.primary()).isEqualTo("manager-to-ic");
  }

  // RELIABILITY row 44
  @Test
  void classify_overItsTimeBudget_isUnclassifiedWithAFlag() {
    CoreNlpThemeClassifier hurried =
        new CoreNlpThemeClassifier(
            SharedModel.ANNOTATOR,
            SharedModel.MODEL,
            SharedModel.TAXONOMY,
            20_000,
            java.time.Duration.ofNanos(1));

    Classification c = hurried.classify("I went back to IC after managing. ".repeat(500));

    assertThat(c.primary()).isEqualTo(ClassifiedItem.UNCLASSIFIED);
    assertThat(c.flags()).containsExactly("timeout");
  }
}
