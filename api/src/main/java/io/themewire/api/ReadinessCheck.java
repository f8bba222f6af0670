package io.themewire.api;

import java.util.Optional;

/**
 * One condition {@code GET /ready} waits for: the index is open, the broker answers, a replica has
 * caught up. The server is ready when every check is; otherwise {@code /ready} is a 503 naming each
 * reason.
 */
@FunctionalInterface
public interface ReadinessCheck {

  /** Empty when ready; otherwise a short reason, such as {@code "broker unreachable"}. */
  Optional<String> notReadyReason();
}
