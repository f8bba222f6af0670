package io.themewire.classify.taxonomy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.themewire.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A set of themes and their training examples: data, not code. Loaded from a folder holding {@code
 * themes.yaml} and {@code train/<theme-id>.jsonl}, or from the classpath for the default career
 * taxonomy ({@link #defaultCareer()}).
 *
 * @param id the taxonomy's id ({@code career})
 * @param version bumped when a theme's meaning changes
 * @param fallback the catch-all theme id ({@code other})
 * @param themes the themes, in file order
 * @param examples every training example, each labelled with one of the themes
 */
public record Taxonomy(
    String id, int version, String fallback, List<Theme> themes, List<LabelledText> examples) {

  /** Classpath folder of the default taxonomy. */
  public static final String DEFAULT_RESOURCE = "/taxonomy/career/";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public Taxonomy {
    themes = List.copyOf(themes);
    examples = List.copyOf(examples);
    Set<String> ids = new HashSet<>();
    for (Theme t : themes) {
      if (!ids.add(t.id())) {
        throw new IllegalArgumentException(
            "taxonomy '" + id + "': theme '" + t.id() + "' appears twice");
      }
    }
    if (!ids.contains(fallback)) {
      throw new IllegalArgumentException(
          "taxonomy '" + id + "': fallback theme '" + fallback + "' is not defined");
    }
    for (LabelledText e : examples) {
      if (!ids.contains(e.label())) {
        throw new IllegalArgumentException(
            "taxonomy '" + id + "': example " + e.id() + " has unknown label '" + e.label() + "'");
      }
    }
  }

  /** {@code id-vVERSION}, recorded on every item this taxonomy labelled. */
  public String versionTag() {
    return id + "-v" + version;
  }

  public Optional<Theme> theme(String themeId) {
    return themes.stream().filter(t -> t.id().equals(themeId)).findFirst();
  }

  public List<String> themeIds() {
    return themes.stream().map(Theme::id).toList();
  }

  /** The default career taxonomy shipped in the classify jar. */
  public static Taxonomy defaultCareer() {
    try {
      return load(name -> Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE + name));
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled career taxonomy is unreadable", e);
    }
  }

  /** A taxonomy from a folder with {@code themes.yaml} and {@code train/<id>.jsonl}. */
  public static Taxonomy load(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve("themes.yaml"))) {
      throw new NoSuchFileException(
          dir.resolve("themes.yaml").toString(), null, "no themes.yaml in taxonomy folder");
    }
    return load(
        name -> {
          Path p = dir.resolve(name);
          return Files.exists(p) ? Files.newInputStream(p) : null;
        });
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record ThemesFile(String id, Integer version, String fallback, List<Theme> themes) {}

  private interface Opener {
    InputStream open(String name) throws IOException;
  }

  private static Taxonomy load(Opener opener) throws IOException {
    ThemesFile file;
    try (InputStream in = opener.open("themes.yaml")) {
      if (in == null) {
        throw new NoSuchFileException("themes.yaml");
      }
      file = YAML.readValue(in, ThemesFile.class);
    }
    if (file == null || file.id() == null || file.themes() == null || file.themes().isEmpty()) {
      throw new IOException("themes.yaml needs an id and at least one theme");
    }
    List<LabelledText> examples = new ArrayList<>();
    for (Theme theme : file.themes()) {
      try (InputStream in = opener.open("train/" + theme.id() + ".jsonl")) {
        if (in != null) {
          examples.addAll(readJsonl(in, "train/" + theme.id() + ".jsonl"));
        }
      }
    }
    return new Taxonomy(
        file.id(),
        file.version() == null ? 1 : file.version(),
        file.fallback() == null ? "other" : file.fallback(),
        file.themes(),
        examples);
  }

  /** Reads labelled examples, one JSON object a line; blank lines are skipped. */
  public static List<LabelledText> readJsonl(InputStream in, String name) throws IOException {
    List<LabelledText> out = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = reader.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(Json.mapper().readValue(line, LabelledText.class));
      } catch (IOException | IllegalArgumentException | NullPointerException e) {
        throw new IOException(
            name
                + " line "
                + n
                + ": not a labelled example ("
                + e.getMessage().lines().findFirst().orElse("")
                + ")",
            e);
      }
    }
    return out;
  }
}
