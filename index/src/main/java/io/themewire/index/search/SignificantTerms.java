package io.themewire.index.search;

import java.util.List;

/**
 * Significant terms of a foreground (a theme, a query, a period) against the rest of the corpus.
 *
 * @param measure the scoring measure, {@code jlh}
 * @param foregroundDocs items in the foreground (exact)
 * @param backgroundDocs items of the rest of the corpus (exact)
 * @param sampledDocs foreground items read for term counts: all of them up to {@value #MAX_SAMPLE},
 *     else an even sample of that many
 * @param terms most significant first
 */
public record SignificantTerms(
    String measure,
    long foregroundDocs,
    long backgroundDocs,
    long sampledDocs,
    List<SignificantTerm> terms) {

  /** Foreground items read at most. */
  public static final int MAX_SAMPLE = 1000;

  public SignificantTerms {
    terms = List.copyOf(terms);
  }
}
