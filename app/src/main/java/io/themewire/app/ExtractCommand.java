package io.themewire.app;

import io.themewire.core.json.Json;
import io.themewire.ingest.extract.Article;
import io.themewire.ingest.extract.ArticleExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code themewire extract}: article text and metadata of HTML files, one JSON line each. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extract the main text and metadata of HTML pages.",
      "Prints one JSON object per file, in input order: file, url, title, byline, published,"
          + " language, text."
    })
final class ExtractCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "The address the pages were fetched from, to resolve links and as the fallback canonical URL.")
  String url;

  @Option(
      names = "--explain",
      description =
          "Also print which candidate gave the text (own, article-element, json-ld-articleBody,"
              + " readability4j), why, and every candidate weighed with its length and link density.")
  boolean explain;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "HTML files.")
  List<Path> files;

  /** Pages larger than this are refused: no real article page comes close. */
  static final long MAX_PAGE_BYTES = 10L * 1024 * 1024;

  private static byte[] read(Path file) throws IOException {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_PAGE_BYTES + 1);
      if (bytes.length > MAX_PAGE_BYTES) {
        throw new UserInputException(file + " is larger than " + MAX_PAGE_BYTES + " bytes");
      }
      return bytes;
    }
  }

  @Override
  public Integer call() throws IOException {
    Inputs.requireFiles(files);
    ArticleExtractor extractor = new ArticleExtractor();
    PrintWriter out = spec.commandLine().getOut();
    for (Path file : files) {
      ArticleExtractor.Extraction extraction = extractor.explain(read(file), null, url);
      Article a = extraction.article();
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("file", file.toString());
      line.put("url", a.canonicalUrl() == null ? null : a.canonicalUrl().value());
      line.put("title", a.title());
      line.put("byline", a.byline());
      line.put("published", a.published() == null ? null : a.published().at().toString());
      line.put("publishedFrom", a.published() == null ? null : a.published().provenance());
      line.put("language", a.language());
      line.put("siteName", a.siteName());
      line.put("text", a.text());
      if (explain) {
        ArticleExtractor.Decision d = extraction.decision();
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("winner", d.winner());
        why.put("reason", d.reason());
        why.put("candidates", d.candidates());
        line.put("explain", why);
      }
      out.println(Json.write(line));
    }
    out.flush();
    return 0;
  }
}
