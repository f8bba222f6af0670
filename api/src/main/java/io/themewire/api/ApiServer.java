package io.themewire.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.themewire.index.ArticleReader;
import io.themewire.index.search.SearchUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API. Build with {@link #start(ArticleReader, List, String, int)}; every route, error
 * mapper and header is configured before the server starts. Errors are {@code
 * application/problem+json}; a malformed request is a 400 naming the problem, never a 500.
 */
public final class ApiServer implements AutoCloseable {

  static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  private final Javalin app;

  private ApiServer(Javalin app) {
    this.app = app;
  }

  /**
   * Every route the running server answers, as {@code "GET /api/search"}, in registration order:
   * read from Javalin's router, so a route added anywhere shows up here.
   */
  public List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(e -> e.endpoint)
        .filter(e -> e.method.isHttpMethod())
        .map(e -> e.method.name() + " " + e.path)
        .toList();
  }

  /**
   * Starts the API.
   *
   * @param index the index to serve
   * @param themes the taxonomy's themes, in display order
   * @param host the address to bind ({@code 127.0.0.1} or {@code 0.0.0.0})
   * @param port the port; 0 picks a free one (see {@link #port()})
   */
  public static ApiServer start(
      ArticleReader index, List<ThemeInfo> themes, String host, int port) {
    return start(index, themes, null, host, port);
  }

  /**
   * As {@link #start(ArticleReader, List, String, int)}, plus {@code GET /api/sources} answered
   * from {@code sources} (asked per request); null serves no such route.
   */
  public static ApiServer start(
      ArticleReader index,
      List<ThemeInfo> themes,
      Supplier<List<SourceStatus>> sources,
      String host,
      int port) {
    return start(index, Options.of(themes).withSources(sources), host, port);
  }

  /**
   * What the API serves besides search.
   *
   * @param themes the taxonomy's themes, in display order
   * @param sources source health for {@code GET /api/sources}, or null (no route)
   * @param registry adds sources for {@code POST /api/sources}, or null (no route)
   * @param apiKey the key {@code POST /api/sources} requires in {@code X-Api-Key}; null refuses
   *     every such request
   * @param metrics the registry {@code GET /metrics} exports, or null (no route)
   * @param routes further route groups (analytics, digest, web page), registered in order
   * @param readiness the conditions {@code GET /ready} reports besides the index answering
   */
  public record Options(
      List<ThemeInfo> themes,
      Supplier<List<SourceStatus>> sources,
      SourceRegistry registry,
      String apiKey,
      PrometheusMeterRegistry metrics,
      List<ApiRoutes> routes,
      List<ReadinessCheck> readiness) {

    public Options {
      routes = List.copyOf(routes);
      readiness = List.copyOf(readiness);
    }

    public static Options of(List<ThemeInfo> themes) {
      return new Options(themes, null, null, null, null, List.of(), List.of());
    }

    public Options withSources(Supplier<List<SourceStatus>> s) {
      return new Options(themes, s, registry, apiKey, metrics, routes, readiness);
    }

    public Options withRegistry(SourceRegistry r, String key) {
      return new Options(themes, sources, r, key, metrics, routes, readiness);
    }

    public Options withMetrics(PrometheusMeterRegistry m) {
      return new Options(themes, sources, registry, apiKey, m, routes, readiness);
    }

    /** These options plus one more route group. */
    public Options withRoutes(ApiRoutes group) {
      List<ApiRoutes> all = new java.util.ArrayList<>(routes);
      all.add(group);
      return new Options(themes, sources, registry, apiKey, metrics, all, readiness);
    }

    /** These options plus one more condition for {@code GET /ready}. */
    public Options withReadiness(ReadinessCheck check) {
      List<ReadinessCheck> all = new java.util.ArrayList<>(readiness);
      all.add(check);
      return new Options(themes, sources, registry, apiKey, metrics, routes, all);
    }
  }

  /** Starts the API with {@code options}; see {@link Options}. */
  public static ApiServer start(ArticleReader index, Options options, String host, int port) {
    List<ThemeInfo> themes = options.themes();
    Supplier<List<SourceStatus>> sources = options.sources();
    SearchController search = new SearchController(index, themes);
    String openApi = OpenApiDocument.json();
    Javalin app =
        Javalin.create(
            config -> {
              config.jsonMapper(new JavalinJackson(HtmlSafeJson.MAPPER, false));
              config.startup.showJavalinBanner = false;
              JettyProblems jettyProblems = new JettyProblems();
              config.jetty.modifyServer(server -> server.setErrorHandler(jettyProblems));
              config.jetty.modifyServletContextHandler(
                  context -> context.setErrorHandler(jettyProblems));
              config.routes.before(ApiServer::securityHeaders);
              config.routes.get("/health", ctx -> ctx.json(Map.of("status", "up")));
              config.routes.get("/ready", ctx -> ready(ctx, index, options.readiness()));
              config.routes.get(
                  "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
              config.routes.get("/api/search", search::search);
              config.routes.get("/api/items/{id}", search::item);
              config.routes.get("/api/items/{id}/discussions", search::discussions);
              config.routes.get("/api/themes", search::themes);
              if (sources != null) {
                config.routes.get("/api/sources", new SourceController(sources)::list);
              }
              if (options.registry() != null) {
                config.routes.post(
                    "/api/sources", ctx -> addSource(ctx, options.registry(), options.apiKey()));
              }
              if (options.metrics() != null) {
                config.routes.get(
                    "/metrics",
                    ctx ->
                        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(options.metrics().scrape()));
              }
              options.routes().forEach(group -> group.register(config));
              config.routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
              config.routes.exception(
                  SearchUnavailableException.class,
                  (e, ctx) -> {
                    ctx.header("Retry-After", "1");
                    problem(
                        ctx, new ApiProblem(503, e.reason(), "Search unavailable", e.getMessage()));
                  });
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    log.error("{} {} - failed: {}", ctx.method(), ctx.path(), e.toString(), e);
                    problem(
                        ctx,
                        new ApiProblem(
                            500, "internal", "Internal error", "the server failed; see its log"));
                  });
              config.routes.error(
                  404,
                  "*",
                  ctx -> {
                    if (!PROBLEM_JSON.equals(ctx.res().getContentType())) {
                      problem(ctx, ApiProblem.notFound("no such resource: " + ctx.path()));
                    }
                  });
            });
    app.start(host, port);
    return new ApiServer(app);
  }

  /** {@code POST /api/sources} with {@code {"url": "..."}}: 201 with the source, or a problem. */
  private static void addSource(Context ctx, SourceRegistry registry, String apiKey) {
    String given = ctx.header("X-Api-Key");
    if (apiKey == null
        || given == null
        || !java.security.MessageDigest.isEqual(
            apiKey.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            given.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      throw new ApiProblem(
          401, "unauthorized", "Unauthorized", "a valid X-Api-Key header is required");
    }
    String url;
    try {
      url = HtmlSafeJson.MAPPER.readTree(ctx.body()).path("url").asText("");
    } catch (java.io.IOException e) {
      throw ApiProblem.badRequest(
          "invalid-body", "the body must be JSON like {\"url\": \"https://...\"}");
    }
    if (url.isBlank()) {
      throw ApiProblem.badRequest("invalid-body", "the body must name a url");
    }
    try {
      ctx.status(201).json(registry.add(url.strip()));
    } catch (SourceRegistry.Rejected e) {
      throw new ApiProblem(422, e.reason(), "Source not accepted", e.getMessage());
    }
  }

  /** {@code GET /ready}: 200 when the index answers and every check passes, else 503 with why. */
  private static void ready(Context ctx, ArticleReader index, List<ReadinessCheck> checks) {
    List<String> reasons = new java.util.ArrayList<>();
    try {
      index.count();
    } catch (java.io.IOException | RuntimeException e) {
      reasons.add("index unreadable: " + e.getMessage());
    }
    if (index instanceof io.themewire.index.ArticleIndex writable) {
      writable.writeFailure().ifPresent(why -> reasons.add("index cannot write: " + why));
    }
    for (ReadinessCheck check : checks) {
      check.notReadyReason().ifPresent(reasons::add);
    }
    if (reasons.isEmpty()) {
      ctx.json(Map.of("status", "ready"));
    } else {
      throw new ApiProblem(503, "not-ready", "Not ready", String.join("; ", reasons));
    }
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'");
  }

  static void problem(Context ctx, ApiProblem p) {
    ctx.status(HttpStatus.forStatus(p.status()));
    ctx.contentType(PROBLEM_JSON);
    try {
      ctx.result(HtmlSafeJson.MAPPER.writeValueAsString(p.body(ctx.path())));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      ctx.result("{\"status\":" + p.status() + "}");
    }
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
