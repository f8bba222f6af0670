package io.themewire.index.lucene;

import io.themewire.core.json.Topic;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.SourceKind;
import io.themewire.core.message.ThemeScore;
import io.themewire.index.dedup.SimHash;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * The one place that knows the index's fields: their names, how each is analysed, and how a {@link
 * ClassifiedItem} becomes a document (and back). English analysis of title and text, keyword fields
 * for filters (with sorted-set doc values for facets on theme, source and kind), the publication
 * time as a point, doc value and stored value, and the whole item stored as JSON.
 */
final class IndexSchema {

  static final String ID = "id";
  static final String URL = "url";
  static final String TITLE = "title";
  static final String TEXT = "text";
  static final String SOURCE = "source";
  static final String SOURCE_NAME = "source_name";
  static final String KIND = "kind";
  static final String PUBLISHED = "published";
  static final String THEME = "theme";
  static final String PRIMARY = "primary";
  static final String HASH = "hash";
  static final String MODEL = "model";
  static final String JSON = "json";
  static final String DISCUSSES = "discusses";
  static final String THREAD_STORY = "thread_story";
  static final String POINTS = "points";
  static final String SIMHASH = "simhash";
  static final String SIMHASH_BAND = "simhash_band";

  /** A bottom-k sketch of the text's word 3-grams ({@link SimHash#sketch}), as doc values. */
  static final String SHINGLE_SKETCH = "shingle_sketch";

  static final String SITE = "site";
  static final String AUTHOR = "author";
  static final String LANG = "lang";

  /** Ids of the copies merged into this item: each stays retrievable by its own id. */
  static final String ALSO_ID = "also_id";

  /**
   * Title and text as words and two-word phrases for significant terms ({@link TermsAnalyzer}),
   * with term vectors so that a foreground's terms are read per item without re-analysis.
   */
  static final String TERMS = "terms";

  private static final FieldType TERMS_TYPE = termsType();

  /** Marks a document written with schema {@link #VERSION}. */
  static final String SCHEMA = "schema";

  /**
   * The version of this schema. An index holding documents of another version is rebuilt from the
   * stored items when opened for writing (see {@link LuceneArticleIndex#open}).
   */
  static final String VERSION = "4";

  /** Fields indexed as one untokenised term, exactly as given. */
  static final Set<String> KEYWORD_FIELDS = Set.of(ID, SOURCE, HASH, MODEL, SCHEMA, ALSO_ID);

  /** Fields indexed as one untokenised, lower-cased term, so that queries match in any case. */
  static final Set<String> LOWERCASE_KEYWORD_FIELDS = Set.of(KIND, THEME, PRIMARY, SITE, LANG);

  /** The fields user queries may name. */
  static final Set<String> QUERY_FIELDS =
      Set.of(TITLE, TEXT, SOURCE, SITE, AUTHOR, THEME, PRIMARY, KIND, LANG);

  private IndexSchema() {}

  /** English analysis for text fields, keyword analysis for {@link #KEYWORD_FIELDS}. */
  static Analyzer analyzer() {
    Map<String, Analyzer> perField = new HashMap<>();
    for (String f : KEYWORD_FIELDS) {
      perField.put(f, new KeywordAnalyzer());
    }
    Analyzer lowerKeyword =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
          }

          @Override
          protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
          }
        };
    for (String f : LOWERCASE_KEYWORD_FIELDS) {
      perField.put(f, lowerKeyword);
    }
    perField.put(TERMS, new TermsAnalyzer());
    return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), perField);
  }

  /** The document of an item; {@code fingerprint} is its text's {@link SimHash}, or null. */
  static Document toDocument(ClassifiedItem c, Long fingerprint) {
    return toDocument(
        c, fingerprint, fingerprint == null ? null : SimHash.shingles(c.item().text()));
  }

  /**
   * {@link #toDocument(ClassifiedItem, Long)} with the text's {@link SimHash#shingles} computed by
   * the caller already (needed when {@code fingerprint} is not null).
   */
  static Document toDocument(ClassifiedItem c, Long fingerprint, long[] shingles) {
    RawItem item = c.item();
    Document doc = new Document();
    doc.add(new StringField(ID, item.id().value(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(item.id().value())));
    doc.add(new StringField(SCHEMA, VERSION, Field.Store.NO));
    if (item.url() != null) {
      doc.add(new StoredField(URL, item.url().value()));
    }
    doc.add(new TextField(TITLE, item.title(), Field.Store.YES));
    doc.add(new TextField(TEXT, item.text(), Field.Store.YES));
    doc.add(new Field(TERMS, item.fullText(), TERMS_TYPE));
    doc.add(new KeywordField(SOURCE, item.source().id(), Field.Store.YES));
    doc.add(new StoredField(SOURCE_NAME, item.source().name()));
    doc.add(new KeywordField(KIND, item.source().kind().id(), Field.Store.YES));
    String site = site(item);
    if (site != null) {
      doc.add(new StringField(SITE, site, Field.Store.NO));
    }
    if (item.author() != null && !item.author().isBlank()) {
      doc.add(new TextField(AUTHOR, item.author(), Field.Store.NO));
    }
    if (item.language() != null && !item.language().isBlank()) {
      doc.add(new StringField(LANG, lower(item.language()), Field.Store.NO));
    }
    long published = item.published().at().toEpochMilli();
    doc.add(new LongPoint(PUBLISHED, published));
    doc.add(new NumericDocValuesField(PUBLISHED, published));
    doc.add(new StoredField(PUBLISHED, published));
    Set<String> themes = new LinkedHashSet<>();
    for (ThemeScore t : c.themes()) {
      themes.add(lower(t.theme()));
    }
    for (String t : themes) {
      doc.add(new KeywordField(THEME, t, Field.Store.YES));
    }
    doc.add(new StringField(PRIMARY, lower(c.primary()), Field.Store.YES));
    doc.add(new StringField(HASH, item.contentHash(), Field.Store.YES));
    doc.add(new StringField(MODEL, c.modelVersion(), Field.Store.YES));
    if (item.discusses() != null) {
      doc.add(new StringField(DISCUSSES, item.discusses().value(), Field.Store.NO));
    }
    if (item.source().kind() == SourceKind.DISCUSSION && item.parentId() == null) {
      doc.add(new StringField(THREAD_STORY, "true", Field.Store.NO));
      Integer points = item.engagement() == null ? null : item.engagement().points();
      doc.add(new NumericDocValuesField(POINTS, points == null ? -1 : points));
    }
    if (fingerprint != null) {
      doc.add(new StoredField(SIMHASH, fingerprint));
      // fingerprint and sketch as doc values: copy candidates are judged without reading items
      doc.add(new NumericDocValuesField(SIMHASH, fingerprint));
      doc.add(new BinaryDocValuesField(SHINGLE_SKETCH, new BytesRef(SimHash.sketch(shingles))));
      for (String band : SimHash.bands(fingerprint)) {
        doc.add(new StringField(SIMHASH_BAND, band, Field.Store.NO));
      }
    }
    doc.add(new StoredField(JSON, Topic.ITEMS_CLASSIFIED.codec().encodeToString(c)));
    return doc;
  }

  private static FieldType termsType() {
    FieldType t = new FieldType();
    t.setIndexOptions(IndexOptions.DOCS);
    t.setTokenized(true);
    t.setStoreTermVectors(true);
    t.setOmitNorms(true);
    t.freeze();
    return t;
  }

  /** The host of the item's URL (else of its source id, when a URL) without {@code www.}. */
  static String site(RawItem item) {
    String host = null;
    if (item.url() != null) {
      host = host(item.url().value());
    }
    if (host == null) {
      host = host(item.source().id());
    }
    if (host == null) {
      return null;
    }
    host = lower(host);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  private static String host(String url) {
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String lower(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }

  /** Whether every document of {@code reader} was written with this schema version. */
  static boolean isCurrent(IndexReader reader) throws IOException {
    return reader.maxDoc() == 0 || reader.docFreq(new Term(SCHEMA, VERSION)) == reader.maxDoc();
  }

  /** Adds the ids of copies merged into the document's item ({@link #ALSO_ID}). */
  static void addMergedIds(Document doc, java.util.Collection<String> ids) {
    for (String id : ids) {
      doc.add(new StringField(ALSO_ID, id, Field.Store.YES));
    }
  }

  /** The item stored in a document read with (at least) its {@link #JSON} field. */
  static ClassifiedItem item(Document d) {
    return Topic.ITEMS_CLASSIFIED.codec().decode(d.get(JSON));
  }
}
