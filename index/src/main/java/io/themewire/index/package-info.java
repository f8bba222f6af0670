/**
 * The index: {@link io.themewire.index.ArticleReader} is the read-only port (search, lookups,
 * counts), {@link io.themewire.index.ArticleIndex} adds writes, {@link
 * io.themewire.index.lucene.LuceneArticleIndex} and {@link
 * io.themewire.index.lucene.LuceneArticleReader} are the Lucene adapters, {@link
 * io.themewire.index.IndexStage} the pipeline stage that writes to it.
 */
package io.themewire.index;
