package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.themewire.api.ApiServer;
import io.themewire.api.OpenApiDocument;
import io.themewire.api.SourceRegistry;
import io.themewire.core.json.Json;
import io.themewire.index.lucene.LuceneArticleIndex;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * openapi.yaml against the server the app really builds ({@link ApiWiring}, every route group and
 * optional route switched on): the file parses as OpenAPI 3 without a message, and every route
 * Javalin registered is described with its method.
 */
class OpenApiCoverageIT {

  @TempDir Path data;
  Wiring wiring;
  LuceneArticleIndex index;
  ApiServer api;

  @BeforeEach
  void start() {
    wiring = new Wiring(new Settings(data, null, false, "k3y"), Clock.systemUTC());
    index = wiring.openIndex();
    SourceRegistry refuseAll =
        url -> {
          throw new SourceRegistry.Rejected("refused", "not in this test");
        };
    api =
        ApiServer.start(
            index,
            ApiWiring.writable(ApiWiring.options(wiring, index), wiring, json -> "never-called")
                .withSources(List::of)
                .withRegistry(refuseAll, "k3y"),
            "127.0.0.1",
            0);
  }

  @AfterEach
  void stop() throws Exception {
    api.close();
    index.close();
    wiring.close();
  }

  static SwaggerParseResult parse(String content) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(content, null, options);
  }

  @Test
  void openApiYaml_parsesAsOpenApi3_withoutAnyMessage() throws Exception {
    String yaml;
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(OpenApiDocument.RESOURCE)) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SwaggerParseResult result = parse(yaml);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
  }

  @Test
  void everyRouteTheServerRegisters_isDescribedWithItsMethod() throws Exception {
    OpenAPI spec = parse(served()).getOpenAPI();
    List<String> routes = api.routes();
    assertThat(routes)
        .as("the server's own routes, read from Javalin")
        .contains(
            "GET /health",
            "GET /openapi.json",
            "GET /api/search",
            "POST /api/sources",
            "POST /api/items");
    List<String> missing = new ArrayList<>();
    for (String route : routes) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1).replaceAll("<([^>]+)>", "{$1}");
      PathItem item = spec.getPaths().get(path);
      if (item == null
          || !item.readOperationsMap()
              .containsKey(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)))) {
        missing.add(route);
      }
    }
    assertThat(missing).as("routes registered but not in openapi.yaml").isEmpty();
  }

  @Test
  void openApiJson_isTheYamlFileAsJson() throws Exception {
    JsonNode served = Json.mapper().readTree(served());
    assertThat(served).isEqualTo(OpenApiDocument.tree());
    assertThat(served.path("openapi").asText()).startsWith("3.");
  }

  private String served() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.port() + "/openapi.json"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    return r.body();
  }
}
