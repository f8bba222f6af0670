package io.themewire.index.search;

/**
 * How many matches carry one value of a facet.
 *
 * @param value the value (a theme id, a source id, a kind)
 * @param count exact number of matching items with it
 */
public record FacetValue(String value, long count) {}
