/**
 * Themes as data: {@link io.themewire.classify.taxonomy.Taxonomy} loads a themes file and its
 * training examples.
 */
package io.themewire.classify.taxonomy;
