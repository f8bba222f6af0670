package io.themewire.index.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

public class SimHashTest {

  public static final String STORY =
      "The city council voted on Tuesday to fund a new light rail line connecting the airport with the"
          + " central station, ending a debate that had lasted more than a decade. Supporters said the line"
          + " would cut travel times in half and take thousands of cars off the road each day, while critics"
          + " warned about the cost and the disruption of construction along the main avenue for three years."
          + " The plan passed by seven votes to four after a session that ran past midnight, with residents"
          + " queuing outside the chamber to speak for and against it. The mayor called the vote a turning point"
          + " for a region whose roads have been congested since the factories along the river reopened. Engineers"
          + " expect the first trains to run within five years, though the budget assumes federal grants that"
          + " have not yet been approved. Shop owners on the avenue asked for compensation during the works, and"
          + " the council promised a fund to cover lost trade, without saying how large it would be. Cyclists"
          + " welcomed a separate lane planned beside the tracks, while taxi drivers said fewer fares to the airport"
          + " would cost them a living. Opposition members said they would ask the auditor to review the cost"
          + " estimates, which have risen twice since the first proposal was published four years ago, and they"
          + " promised to make the line an issue in next spring's local elections.";

  // RELIABILITY row 26
  @Test
  void of_nearCopiesAreWithinTheDistance_andOtherTextsAreNot() {
    long original = SimHash.of(STORY);
    long copy =
        SimHash.of(
            "Wire service. " + STORY.replace("Tuesday", "Monday") + " Read more at our site.");
    String unrelated =
        "Our storage team spent the autumn moving every service from the old block volumes to the new"
            + " object store, a migration we had postponed three times since the previous spring. The work"
            + " began with an inventory of buckets and the jobs that wrote to them, because nobody trusted the"
            + " diagrams any more. We found forty services that still wrote temporary files to local disks and"
            + " copied them upstream at night, and seven that nobody could name an owner for. Each service got"
            + " a small adapter, a dashboard and a rollback switch, and we moved them in waves of five per week."
            + " Latency for reads went down by a third, the monthly bill fell, and the nightly copy jobs that"
            + " used to page the on-call engineer twice a week were finally switched off for good in November.";

    assertThat(SimHash.distance(original, copy)).isLessThanOrEqualTo(SimHash.MAX_DISTANCE);
    assertThat(SimHash.resemblance(STORY, "Wire service. " + STORY))
        .isGreaterThan(SimHash.MIN_RESEMBLANCE);
    assertThat(SimHash.distance(original, SimHash.of(unrelated)))
        .isGreaterThan(SimHash.MAX_DISTANCE);
    assertThat(SimHash.resemblance(STORY, unrelated)).isLessThan(0.05);
  }

  @Test
  void of_shortTextsHaveNoFingerprint() {
    assertThat(SimHash.of("Too short to fingerprint.")).isNull();
  }

  @Test
  void bands_ofCloseFingerprintsShareOne() {
    long a = 0x0123_4567_89ab_cdefL;
    long b = a ^ 0b1011_0000_0111; // six bits apart, across the two lowest bands
    assertThat(SimHash.bands(a)).containsAnyElementsOf(SimHash.bands(b));
  }

  @Test
  void sketchResemblance_ofACopyPassesTheCutAndOfAnotherTextDoesNot() {
    String copy = "Wire service. " + STORY.replace("Tuesday", "Monday") + " Read more at our site.";
    String other = STORY.substring(0, STORY.length() / 3) + " " + SimHashTestTexts.OTHER;
    long[] story = SimHash.shingles(STORY);
    byte[] ofCopy = SimHash.sketch(SimHash.shingles(copy));
    byte[] ofOther = SimHash.sketch(SimHash.shingles(SimHashTestTexts.OTHER));

    assertThat(SimHash.sketchResemblance(story, ofCopy, 0, ofCopy.length))
        .isGreaterThanOrEqualTo(SimHash.MIN_SKETCH_RESEMBLANCE);
    assertThat(SimHash.sketchResemblance(story, ofOther, 0, ofOther.length))
        .isLessThan(SimHash.MIN_SKETCH_RESEMBLANCE);
    assertThat(SimHash.sketchResemblance(story, SimHash.sketch(story), 0, ofCopy.length))
        .isEqualTo(1.0);
    assertThat(SimHash.resemblance(STORY, other)).isLessThan(SimHash.MIN_RESEMBLANCE);
  }

  @Test
  void shingles_areTheDistinctWordTriplesOfATextInAnyCase() {
    assertThat(SimHash.shingles("One two three one TWO three")).hasSize(3);
    assertThat(SimHash.resemblance("a b c d", "A B C D")).isEqualTo(1.0);
    assertThat(SimHash.containment("a b c", "x a b c y")).isEqualTo(1.0);
  }

  /** A second text, unrelated to {@link #STORY}. */
  static final class SimHashTestTexts {
    static final String OTHER =
        "Our storage team spent the autumn moving every service from the old block volumes to the"
            + " new object store, a migration we had postponed three times since the previous spring."
            + " The work began with an inventory of buckets and the jobs that wrote to them, because"
            + " nobody trusted the diagrams any more.";
  }
}
