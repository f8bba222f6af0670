package io.themewire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The shared article-extraction corpus: page ids, their HTML, URL and true article text. */
record Corpus(Path dir, Map<String, String> truth, Map<String, String> urls) {

  static Corpus load(Path dir) throws IOException {
    Path gt = dir.resolve("ground-truth.json");
    if (!Files.isRegularFile(gt)) {
      throw new IOException("no ground-truth.json in " + dir);
    }
    JsonNode root = Json.mapper().readTree(gt.toFile());
    Map<String, String> truth = new LinkedHashMap<>();
    Map<String, String> urls = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      truth.put(e.getKey(), e.getValue().path("articleBody").asText(""));
      urls.put(e.getKey(), e.getValue().path("url").asText(null));
    }
    return new Corpus(dir, truth, urls);
  }

  String html(String id) throws IOException {
    return Files.readString(dir.resolve("html").resolve(id + ".html"), StandardCharsets.UTF_8);
  }

  /** A prediction file of the corpus's reference outputs: plain or wrapped in {"output": ...}. */
  Map<String, String> reference(String name) throws IOException {
    JsonNode root =
        Json.mapper().readTree(dir.resolve("reference-outputs").resolve(name + ".json").toFile());
    JsonNode output = root.has("output") ? root.get("output") : root;
    Map<String, String> out = new LinkedHashMap<>();
    for (String id : truth.keySet()) {
      out.put(id, output.path(id).path("articleBody").asText(""));
    }
    return out;
  }
}
