package io.themewire.index.lucene;

import io.themewire.core.json.Topic;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.SourceKind;
import io.themewire.core.message.ThemeScore;
import io.themewire.index.dedup.SimHash;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The one place that knows the index's fields: their names, how each is analysed, and how a {@link
 * ClassifiedItem} becomes a document (and back). English analysis of title and text, keyword fields
 * for filters, the publication time as a point, doc value and stored value, and the whole item
 * stored as JSON.
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

  /** Ids of the copies merged into this item: each stays retrievable by its own id. */
  static final String ALSO_ID = "also_id";

  /** Fields indexed as one untokenised term. */
  static final Set<String> KEYWORD_FIELDS = Set.of(ID, SOURCE, KIND, THEME, PRIMARY, HASH, MODEL);

  private IndexSchema() {}

  /** English analysis for text fields, keyword analysis for {@link #KEYWORD_FIELDS}. */
  static Analyzer analyzer() {
    Map<String, Analyzer> perField = new HashMap<>();
    for (String f : KEYWORD_FIELDS) {
      perField.put(f, new KeywordAnalyzer());
    }
    return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), perField);
  }

  /** The document of an item; {@code fingerprint} is its text's {@link SimHash}, or null. */
  static Document toDocument(ClassifiedItem c, Long fingerprint) {
    RawItem item = c.item();
    Document doc = new Document();
    doc.add(new StringField(ID, item.id().value(), Field.Store.YES));
    if (item.url() != null) {
      doc.add(new StoredField(URL, item.url().value()));
    }
    doc.add(new TextField(TITLE, item.title(), Field.Store.YES));
    doc.add(new TextField(TEXT, item.text(), Field.Store.YES));
    doc.add(new StringField(SOURCE, item.source().id(), Field.Store.YES));
    doc.add(new StoredField(SOURCE_NAME, item.source().name()));
    doc.add(new StringField(KIND, item.source().kind().id(), Field.Store.YES));
    long published = item.published().at().toEpochMilli();
    doc.add(new LongPoint(PUBLISHED, published));
    doc.add(new NumericDocValuesField(PUBLISHED, published));
    doc.add(new StoredField(PUBLISHED, published));
    for (ThemeScore t : c.themes()) {
      doc.add(new StringField(THEME, t.theme(), Field.Store.YES));
    }
    doc.add(new StringField(PRIMARY, c.primary(), Field.Store.YES));
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
      for (String band : SimHash.bands(fingerprint)) {
        doc.add(new StringField(SIMHASH_BAND, band, Field.Store.NO));
      }
    }
    doc.add(new StoredField(JSON, Topic.ITEMS_CLASSIFIED.codec().encodeToString(c)));
    return doc;
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
