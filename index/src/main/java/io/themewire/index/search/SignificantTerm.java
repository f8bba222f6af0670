package io.themewire.index.search;

/**
 * A word or two-word phrase over-represented in a foreground set of items.
 *
 * @param term the word or phrase, lower case
 * @param score its JLH score: (fg% - bg%) × (fg% / bg%); higher is more significant
 * @param foreground foreground items containing it (estimated from a sample when the foreground is
 *     larger than the sample; see {@link SignificantTerms#sampledDocs()})
 * @param background items of the rest of the corpus containing it
 */
public record SignificantTerm(String term, double score, long foreground, long background) {}
