package io.themewire.classify.theme;

import edu.stanford.nlp.classify.Dataset;
import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.ling.BasicDatum;
import edu.stanford.nlp.stats.Counter;
import io.themewire.classify.nlp.CoreNlpAnnotator;
import io.themewire.classify.nlp.Sentence;
import io.themewire.classify.taxonomy.LabelledText;
import io.themewire.classify.taxonomy.Taxonomy;
import io.themewire.core.message.ItemId;
import io.themewire.core.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The theme model: a CoreNLP {@link LinearClassifier} (multinomial logistic regression, L2 prior)
 * over {@link Features}, trained on a taxonomy's examples.
 *
 * <p>Its {@link #version()} is a digest of everything that shapes it — examples, features,
 * annotators, prior — so a saved model is reused only while all of those are unchanged. Thread-safe
 * once built.
 */
public final class ThemeModel {

  /** Strength of the Gaussian prior (L2): larger fits the examples more closely. */
  static final double SIGMA = 1.0;

  private static final Logger log = LoggerFactory.getLogger(ThemeModel.class);

  private final LinearClassifier<String, String> classifier;
  private final String version;

  private ThemeModel(LinearClassifier<String, String> classifier, String version) {
    this.classifier = classifier;
    this.version = version;
  }

  /** The version a model trained on this taxonomy now would have. */
  public static String versionFor(Taxonomy taxonomy) {
    StringBuilder key = new StringBuilder();
    key.append(taxonomy.versionTag())
        .append('\n')
        .append("features=")
        .append(Features.VERSION)
        .append('\n')
        .append("annotators=")
        .append(CoreNlpAnnotator.ANNOTATORS)
        .append('\n')
        .append("sigma=")
        .append(SIGMA)
        .append('\n');
    for (LabelledText e : taxonomy.examples()) {
      key.append(e.label()).append('\t').append(e.text()).append('\n');
    }
    return "m-" + ItemId.contentHash(key.toString()).substring(0, 12);
  }

  /** Annotates every example and trains a model on them. */
  public static ThemeModel train(Taxonomy taxonomy, CoreNlpAnnotator annotator, Progress progress) {
    List<LabelledText> examples = taxonomy.examples();
    if (examples.isEmpty()) {
      throw new IllegalArgumentException(
          "taxonomy '" + taxonomy.id() + "' has no training examples");
    }
    long start = System.nanoTime();
    Dataset<String, String> data = new Dataset<>();
    int done = 0;
    for (LabelledText e : examples) {
      List<Sentence> sentences = annotator.annotate(e.text());
      data.add(new BasicDatum<>(Features.of(sentences), e.label()));
      progress.update(++done, examples.size());
    }
    LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
    factory.setSigma(SIGMA);
    factory.setVerbose(false);
    LinearClassifier<String, String> classifier = factory.trainClassifier(data);
    log.info(
        "theme model trained on {} examples, {} features, in {} ms",
        examples.size(),
        data.numFeatures(),
        (System.nanoTime() - start) / 1_000_000);
    return new ThemeModel(classifier, versionFor(taxonomy));
  }

  /**
   * The model saved for this taxonomy in {@code dir}, or a new one trained and saved there when
   * none matches the taxonomy's current examples.
   */
  public static ThemeModel loadOrTrain(
      Path dir, Taxonomy taxonomy, CoreNlpAnnotator annotator, Progress progress)
      throws IOException {
    Path file = dir.resolve(versionFor(taxonomy) + ".ser.gz");
    if (Files.isRegularFile(file)) {
      try {
        LinearClassifier<String, String> c = IOUtils.readObjectFromFile(file.toFile());
        return new ThemeModel(c, versionFor(taxonomy));
      } catch (IOException | ClassNotFoundException | ClassCastException e) {
        log.warn("{} - saved model unreadable, retraining: {}", file, e.toString());
      }
    }
    ThemeModel model = train(taxonomy, annotator, progress);
    model.save(dir);
    return model;
  }

  /** Saves the model as {@code <version>.ser.gz} in {@code dir}; returns the file. */
  public Path save(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(version + ".ser.gz");
    Path tmp = dir.resolve(version + ".ser.gz.tmp");
    IOUtils.writeObjectToFile(classifier, tmp.toFile());
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  public String version() {
    return version;
  }

  /** Probability of each theme, summing to 1, for a set of features. Sorted by theme id. */
  Map<String, Double> probabilities(Collection<String> features) {
    Counter<String> c = classifier.probabilityOf(new BasicDatum<String, String>(features));
    Map<String, Double> out = new TreeMap<>();
    for (String label : classifier.labels()) {
      out.put(label, c.getCount(label));
    }
    return out;
  }
}
