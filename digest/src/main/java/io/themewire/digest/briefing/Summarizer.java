package io.themewire.digest.briefing;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.digest.story.Story;
import java.util.List;
import java.util.Map;

/**
 * Writes a story's summary from its members' own sentences, each sentence cited with the sites that
 * said it. Implementations are deterministic (the same story and items give the same sentences) and
 * thread-safe.
 */
public interface Summarizer {

  /**
   * The summary of {@code story}: two to four sentences when the members have that many usable
   * ones, no sentence said twice.
   *
   * @param items the classified items of the story's members by id; a member missing from it
   *     contributes no sentence
   */
  List<CitedSentence> summarize(Story story, Map<String, ClassifiedItem> items);

  /** The default: see {@link ExtractiveSummarizer}. */
  static Summarizer extractive() {
    return new ExtractiveSummarizer();
  }
}
