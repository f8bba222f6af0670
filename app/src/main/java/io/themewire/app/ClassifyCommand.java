package io.themewire.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.classify.theme.Classification;
import io.themewire.classify.theme.ThemeClassifier;
import io.themewire.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code themewire classify}: theme labels for JSON Lines of texts. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Label texts with themes. Reads JSON Lines with id, title and text; prints JSON Lines with"
          + " id, primary, themes (with scores), direction and evidence.",
      "A malformed line gets a one-line reason on stderr and is skipped; the exit status is then 2.",
      "With --kafka, runs as a classify worker instead: reads items.raw as one of the consumer"
          + " group (N workers share the partitions) and writes items.classified in transactions,"
          + " until SIGTERM. Records that fail 3 times go to items.dead."
    })
final class ClassifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin KafkaOptions kafka;

  @Mixin StatusOptions status;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "JSON Lines file, or - for standard input (the default).")
  Path file;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (kafka.enabled()) {
      if (file != null) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "give either FILE or --kafka, not both");
      }
      return runWorker();
    }
    if (status.enabled()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--metrics-port needs --kafka");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int bad = 0;
    try (Wiring wiring = common.wiring();
        BufferedReader in = Inputs.reader(file, System.in)) {
      ThemeClassifier classifier = wiring.lazyClassifier();
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = Json.mapper().readTree(line);
        } catch (IOException e) {
          err.println("themewire: line " + n + ": not JSON");
          bad++;
          continue;
        }
        if (node == null || !node.isObject() || !node.path("text").isTextual()) {
          err.println("themewire: line " + n + ": expected an object with a text field");
          bad++;
          continue;
        }
        String title = node.path("title").asText("");
        String text = node.path("text").asText();
        String full = title.isBlank() ? text : title.strip() + "\n\n" + text;
        Classification c = classifier.classify(full);
        out.println(Json.write(result(node.path("id").asText(String.valueOf(n)), c)));
        out.flush();
      }
    }
    err.flush();
    return bad == 0 ? 0 : 2;
  }

  /** One classify worker over Kafka, until SIGTERM. */
  private int runWorker() throws InterruptedException {
    return KafkaClassifyNode.runUntilStopped(
        new KafkaRuntime(common.wiring(), kafka.config(spec)),
        status.host,
        status.checkedPort(spec),
        spec.commandLine().getOut());
  }

  static Map<String, Object> result(String id, Classification c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("primary", c.primary());
    m.put("confidence", c.confidence());
    m.put("uncertain", c.uncertain());
    m.put("themes", c.themes());
    m.put("direction", c.direction());
    m.put("evidence", c.evidence());
    if (!c.flags().isEmpty()) {
      m.put("flags", c.flags());
    }
    m.put("model", c.modelVersion());
    return m;
  }
}
