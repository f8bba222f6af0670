package io.themewire.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What every command shares, read once at start-up.
 *
 * @param dataDir where the index, models and dead letters live; default {@code ./data}
 * @param taxonomyDir a folder with {@code themes.yaml} and {@code train/}, or null for the bundled
 *     career taxonomy
 * @param allowPrivate whether fetches may go to loopback and private addresses; from {@code
 *     THEMEWIRE_FETCH_ALLOW_PRIVATE}, default false
 */
record Settings(Path dataDir, Path taxonomyDir, boolean allowPrivate) {

  static final Path DEFAULT_DATA_DIR = Path.of("data");

  Settings {
    Objects.requireNonNull(dataDir, "dataDir");
  }

  static Settings of(Path dataDir, Path taxonomyDir, Map<String, String> env) {
    String allow =
        env.getOrDefault("THEMEWIRE_FETCH_ALLOW_PRIVATE", "false").strip().toLowerCase(Locale.ROOT);
    if (!allow.equals("true") && !allow.equals("false")) {
      throw new UserInputException(
          "THEMEWIRE_FETCH_ALLOW_PRIVATE must be true or false, got '" + allow + "'");
    }
    return new Settings(
        dataDir == null ? DEFAULT_DATA_DIR : dataDir, taxonomyDir, allow.equals("true"));
  }
}
