package io.themewire.api;

import io.javalin.config.JavalinConfig;

/**
 * A group of routes another part of the application adds to the API (the digest, the web page, the
 * analytics routes), so that {@link ApiServer} stays the one place the server is assembled without
 * knowing every feature. A group registers handlers only; errors it raises as {@link ApiProblem}
 * are rendered by the server like any other.
 */
@FunctionalInterface
public interface ApiRoutes {

  /** Adds this group's routes to {@code config} (before the server starts). */
  void register(JavalinConfig config);
}
