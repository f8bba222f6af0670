package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.RawItem;
import io.themewire.core.stage.Outcome;
import io.themewire.digest.story.ClusterScore;
import io.themewire.digest.story.Story;
import io.themewire.digest.story.StoryClusterer;
import io.themewire.digest.story.StoryItem;
import io.themewire.digest.story.StoryMember;
import io.themewire.ingest.source.IngestStage;
import io.themewire.ingest.source.SourceRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample corpus, read by the real ingest stage as {@code themewire demo} reads it, clustered
 * into stories and scored against the hand-labelled groups of {@code
 * samples/stories/labels-samples.tsv}.
 */
class SampleStoryGroupsIT {

  static final Path SAMPLES = Path.of("..", "samples");

  @TempDir Path data;

  @Test
  void sampleCorpus_storiesMatchTheLabelledGroups_pairwiseF1AtLeast09() throws Exception {
    List<StoryItem> items = new ArrayList<>();
    try (Wiring wiring = new Wiring(new Settings(data, null, false), Clock.systemUTC())) {
      IngestStage stage = wiring.ingestStage((id, hash) -> false);
      for (Path f : DemoCommand.sampleFiles(SAMPLES)) {
        Outcome<RawItem> outcome = stage.process(new SourceRequest(f.toString()));
        assertThat(outcome).isInstanceOf(Outcome.Emitted.class);
        for (RawItem raw : ((Outcome.Emitted<RawItem>) outcome).values()) {
          items.add(
              StoryItem.of(
                  new ClassifiedItem(
                      raw,
                      null,
                      ClassifiedItem.UNCLASSIFIED,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null)));
        }
      }
    }
    Map<String, String> labelsByUrl =
        StoriesCommand.readLabels(SAMPLES.resolve("stories/labels-samples.tsv"));

    List<Story> stories = StoryClusterer.standard().cluster(items);

    Map<String, String> predicted = new HashMap<>();
    for (Story s : stories) {
      for (StoryMember m : s.members()) {
        predicted.put(m.item().url(), s.id());
      }
    }
    ClusterScore score = ClusterScore.of(labelsByUrl, predicted);
    // Every sample item is labelled, and every label names a sample item.
    assertThat(score.items()).isEqualTo(items.size()).isEqualTo(labelsByUrl.size());
    assertThat(score.pairwise().f1()).as(score.toString()).isGreaterThanOrEqualTo(0.9);
    assertThat(score.bcubed().f1()).as(score.toString()).isGreaterThanOrEqualTo(0.9);
  }
}
