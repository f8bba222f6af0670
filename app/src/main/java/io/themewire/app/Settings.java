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
 * @param apiKey the key {@code POST /api/sources} requires, from {@code THEMEWIRE_API_KEY}; null
 *     (unset) refuses every such request
 */
record Settings(Path dataDir, Path taxonomyDir, boolean allowPrivate, String apiKey) {

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
    String key = env.get("THEMEWIRE_API_KEY");
    return new Settings(
        dataDir == null ? DEFAULT_DATA_DIR : dataDir,
        taxonomyDir,
        allow.equals("true"),
        key == null || key.isBlank() ? null : key);
  }

  /** Settings with no API key. */
  Settings(Path dataDir, Path taxonomyDir, boolean allowPrivate) {
    this(dataDir, taxonomyDir, allowPrivate, null);
  }

  @Override
  public String toString() {
    // Logged at start-up: the key is never shown.
    return "Settings[dataDir="
        + dataDir
        + ", taxonomyDir="
        + taxonomyDir
        + ", allowPrivate="
        + allowPrivate
        + ", apiKey="
        + (apiKey == null ? "unset" : "****")
        + "]";
  }
}
