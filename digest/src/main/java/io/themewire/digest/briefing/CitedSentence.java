package io.themewire.digest.briefing;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One summary sentence and where it came from. When several members said (nearly) the same thing,
 * it is one sentence citing all of them.
 *
 * @param text the sentence as one of its sources wrote it, whitespace collapsed
 * @param sources the sites that said it (host names without {@code www.}), first teller first; at
 *     least one
 * @param items the ids of the items that said it, in the same order as they were found
 */
@JsonPropertyOrder({"text", "sources", "items"})
public record CitedSentence(String text, List<String> sources, List<String> items) {
  public CitedSentence {
    Objects.requireNonNull(text, "text");
    sources = List.copyOf(sources);
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a cited sentence names at least one item: " + text);
    }
  }
}
