package io.themewire.classify.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits text into sentences of tokens with part-of-speech tags and lemmas, using one shared
 * Stanford CoreNLP pipeline ({@value #ANNOTATORS}) and the real English models.
 *
 * <p>Building the pipeline loads the models (a few seconds): build one per process and share it.
 * {@link #annotate} is thread-safe.
 */
public final class CoreNlpAnnotator {

  /** The annotators run on every text. */
  public static final String ANNOTATORS = "tokenize,ssplit,pos,lemma";

  private static final Logger log = LoggerFactory.getLogger(CoreNlpAnnotator.class);

  private final StanfordCoreNLP pipeline;

  public CoreNlpAnnotator() {
    long start = System.nanoTime();
    Properties props = properties();
    this.pipeline = new StanfordCoreNLP(props);
    log.info(
        "CoreNLP pipeline ({}) ready in {} ms",
        ANNOTATORS,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The properties of the pipeline: also used by benchmarks to build an identical bare one. */
  public static Properties properties() {
    Properties props = new Properties();
    props.setProperty("annotators", ANNOTATORS);
    // A blank line (paragraph break) always ends a sentence, even without final punctuation.
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    // Control characters and other untokenizable input are dropped quietly, not logged per char.
    props.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
    props.setProperty("pos.maxlen", "200");
    return props;
  }

  /**
   * Annotates one text. Never null; an empty text gives no sentences. Identifiers (URLs, hashes,
   * versions, ticket ids) are masked before tagging ({@link Identifiers}): tokens read {@value
   * Identifiers#PLACEHOLDER} there, while offsets and sentence texts refer to the text as given.
   */
  public List<Sentence> annotate(String text) {
    Annotation doc = new Annotation(Identifiers.mask(text));
    pipeline.annotate(doc);
    List<Sentence> sentences = new ArrayList<>();
    List<CoreMap> maps = doc.get(CoreAnnotations.SentencesAnnotation.class);
    if (maps == null) {
      return sentences;
    }
    for (CoreMap s : maps) {
      List<Token> tokens = new ArrayList<>();
      for (CoreLabel t : s.get(CoreAnnotations.TokensAnnotation.class)) {
        String lemma = t.lemma() == null ? t.word() : t.lemma();
        tokens.add(
            new Token(
                t.word(),
                lemma.toLowerCase(Locale.ROOT),
                t.tag(),
                t.beginPosition(),
                t.endPosition()));
      }
      int begin = s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      int end = s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      sentences.add(new Sentence(begin, end, text.substring(begin, end), tokens));
    }
    return sentences;
  }
}
