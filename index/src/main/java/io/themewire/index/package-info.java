/**
 * The index: {@link io.themewire.index.ArticleIndex} is the port, {@link
 * io.themewire.index.lucene.LuceneArticleIndex} the Lucene adapter, {@link
 * io.themewire.index.IndexStage} the pipeline stage that writes to it.
 */
package io.themewire.index;
