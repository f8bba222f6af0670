package io.themewire.classify.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.trees.TypedDependency;
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
 *
 * <p>{@link #parse} adds CoreNLP's neural dependency parser ({@value #PARSER}) for the few
 * sentences a caller picks: parsing every sentence would cost more than the rest of the pipeline,
 * and only sentences that may describe a career move need it. Its model is loaded on first use.
 */
public final class CoreNlpAnnotator {

  /** The annotators run on every text. */
  public static final String ANNOTATORS = "tokenize,ssplit,pos,lemma";

  /** The dependency parser run by {@link #parse}, on the sentences the caller chooses. */
  public static final String PARSER = "depparse(english_UD)";

  private static final Logger log = LoggerFactory.getLogger(CoreNlpAnnotator.class);

  private final StanfordCoreNLP pipeline;
  private volatile DependencyParser parser;

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
   * The dependency parse of one sentence from {@link #annotate}, over its tokens and tags as they
   * are (masked identifiers read {@value Identifiers#PLACEHOLDER}). Thread-safe.
   */
  public Dependencies parse(Sentence sentence) {
    List<Token> tokens = sentence.tokens();
    List<CoreLabel> words = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      CoreLabel label = new CoreLabel();
      label.setWord(t.word());
      label.setValue(t.word());
      label.setOriginalText(t.word());
      label.setTag(t.pos());
      words.add(label);
    }
    int[] heads = new int[tokens.size()];
    String[] relations = new String[tokens.size()];
    java.util.Arrays.fill(heads, -1);
    java.util.Arrays.fill(relations, "root");
    if (tokens.isEmpty()) {
      return new Dependencies(heads, relations);
    }
    GrammaticalStructure gs = parser().predict(words);
    for (TypedDependency d : gs.typedDependencies()) {
      int dep = d.dep().index() - 1;
      if (dep < 0 || dep >= heads.length) {
        continue;
      }
      heads[dep] = d.gov().index() - 1;
      relations[dep] = d.reln().toString();
    }
    return new Dependencies(heads, relations);
  }

  private DependencyParser parser() {
    DependencyParser p = parser;
    if (p == null) {
      synchronized (this) {
        p = parser;
        if (p == null) {
          long start = System.nanoTime();
          p = DependencyParser.loadFromModelFile(DependencyParser.DEFAULT_MODEL);
          log.info(
              "CoreNLP dependency parser ready in {} ms", (System.nanoTime() - start) / 1_000_000);
          parser = p;
        }
      }
    }
    return p;
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
