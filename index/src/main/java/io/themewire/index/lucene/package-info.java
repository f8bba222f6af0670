/** The Lucene adapter of the index: {@link io.themewire.index.lucene.LuceneArticleIndex}. */
package io.themewire.index.lucene;
