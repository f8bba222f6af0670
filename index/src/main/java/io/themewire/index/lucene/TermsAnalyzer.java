package io.themewire.index.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis of the significant-terms field: readable words (lower case, not stemmed) and
 * two-word phrases, without stop words, numbers, one- and two-letter tokens, or phrases that span a
 * removed word. Phrases are built from the words that remain, so "the manager of the team" gives
 * "manager" and "team" but no phrase across "of the".
 */
final class TermsAnalyzer extends Analyzer {

  /**
   * English function words: Lucene's list plus pronouns, auxiliaries and other words that say
   * nothing about a topic. Topic-neutral content words (boilerplate) are left to the measure and to
   * the rule that a term must appear in items of more than one source.
   */
  static final CharArraySet STOP_WORDS;

  static {
    CharArraySet s = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    s.addAll(
        List.of(
            "about",
            "above",
            "after",
            "again",
            "against",
            "all",
            "also",
            "am",
            "any",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "both",
            "can",
            "could",
            "did",
            "does",
            "doing",
            "down",
            "during",
            "each",
            "few",
            "from",
            "further",
            "had",
            "has",
            "have",
            "having",
            "he",
            "her",
            "here",
            "hers",
            "herself",
            "him",
            "himself",
            "his",
            "how",
            "i",
            "i'm",
            "i've",
            "it's",
            "its",
            "itself",
            "just",
            "me",
            "more",
            "most",
            "my",
            "myself",
            "nor",
            "now",
            "off",
            "once",
            "only",
            "other",
            "our",
            "ours",
            "ourselves",
            "out",
            "over",
            "own",
            "same",
            "she",
            "should",
            "so",
            "some",
            "than",
            "them",
            "themselves",
            "those",
            "through",
            "too",
            "under",
            "until",
            "up",
            "very",
            "we",
            "were",
            "what",
            "when",
            "where",
            "which",
            "while",
            "who",
            "whom",
            "why",
            "would",
            "you",
            "your",
            "yours",
            "yourself",
            "yourselves",
            "don't",
            "can't",
            "won't",
            "didn't",
            "isn't",
            "wasn't",
            "we're",
            "they're",
            "you're",
            "that's",
            "there's",
            "let's",
            "get",
            "got",
            "one",
            "two",
            "like",
            "really",
            "much",
            "many",
            "even",
            "still",
            "well",
            "way",
            "make",
            "made",
            "going",
            "know",
            "think",
            "want",
            "said",
            "says",
            "say",
            "see",
            "new",
            "use",
            "used",
            "us",
            "every",
            "since",
            "yet",
            "might",
            "must",
            "shall",
            "may",
            "though",
            "however",
            "into",
            "onto",
            "upon",
            "via",
            "per",
            "etc"));
    STOP_WORDS = CharArraySet.unmodifiableSet(s);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream t = new LowerCaseFilter(source);
    t = new StopFilter(t, STOP_WORDS);
    t = new LengthFilter(t, 3, 40);
    t = new NoNumbers(t);
    ShingleFilter shingles = new ShingleFilter(t, 2, 2);
    shingles.setOutputUnigrams(true);
    shingles.setFillerToken("\u0000");
    return new TokenStreamComponents(source, new NoGaps(shingles));
  }

  /** Drops tokens with no letter (numbers, dates, versions). */
  private static final class NoNumbers extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    NoNumbers(TokenStream in) {
      super(in);
    }

    @Override
    protected boolean accept() throws IOException {
      for (int i = 0; i < term.length(); i++) {
        if (Character.isLetter(term.charAt(i))) {
          return true;
        }
      }
      return false;
    }
  }

  /** Drops phrases that would span a removed word (the shingle filler). */
  private static final class NoGaps extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    NoGaps(TokenStream in) {
      super(in);
    }

    @Override
    protected boolean accept() throws IOException {
      for (int i = 0; i < term.length(); i++) {
        if (term.charAt(i) == '\u0000') {
          return false;
        }
      }
      return true;
    }
  }
}
