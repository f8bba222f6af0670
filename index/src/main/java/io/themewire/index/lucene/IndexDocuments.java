package io.themewire.index.lucene;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.index.dedup.SimHash;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriterConfig;

/**
 * The index schema's analyzer and document builder for code that writes a Lucene index without the
 * copy-merging writer: the benchmarks' bare-Lucene baseline and their bulk-built million-item
 * indexes. An index written with these documents opens with {@link LuceneArticleIndex#open} and
 * {@link LuceneArticleReader#open} like one written by {@link LuceneArticleIndex#upsert}; only the
 * copy merging (and its lookups before each write) is left out.
 */
public final class IndexDocuments {

  /** The schema version the documents carry (an index of another version is rebuilt on open). */
  public static final String SCHEMA_VERSION = IndexSchema.VERSION;

  private IndexDocuments() {}

  /** The per-field analyzer of the schema (English text, keyword filters, terms with phrases). */
  public static Analyzer analyzer() {
    return IndexSchema.analyzer();
  }

  /** A writer configuration with the schema's analyzer and the index's own buffer settings. */
  public static IndexWriterConfig config() {
    return LuceneArticleIndex.config(analyzer(), IndexWriterConfig.OpenMode.CREATE);
  }

  /** The document the schema writes for {@code item} (merged with nothing). */
  public static Document document(ClassifiedItem item) {
    return IndexSchema.toDocument(item, SimHash.of(item.item().text()));
  }

  /** The field names of title and text (English analysis), as queried by default. */
  public static String[] textFields() {
    return new String[] {IndexSchema.TITLE, IndexSchema.TEXT};
  }

  /** The field of theme filters (lower-cased theme ids). */
  public static String themeField() {
    return IndexSchema.THEME;
  }
}
