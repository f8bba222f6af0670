/**
 * The Lucene adapter of the index, split the way Lucene separates its parts: {@code IndexSchema}
 * (every field, in one place), {@code CopyMergingWriter} (the only holder of the {@code
 * IndexWriter}: upserts and copy merging), {@code GuardedQueryParser} (user syntax under limits),
 * {@code Searchers} (the shared {@code SearcherManager}) and the read services ({@code
 * SearchService}). Read {@link io.themewire.index.lucene.LuceneArticleIndex} (read and write) and
 * {@link io.themewire.index.lucene.LuceneArticleReader} (the read-only handle) first.
 */
package io.themewire.index.lucene;
