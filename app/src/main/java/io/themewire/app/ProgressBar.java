package io.themewire.app;

import io.themewire.core.progress.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (so logs and CI output
 * stay clean). Redraws at most ten times a second.
 */
final class ProgressBar implements Progress {

  private static final int WIDTH = 30;

  private final String label;
  private final PrintStream out;
  private final boolean enabled;
  private long lastDraw;
  private boolean drawn;

  private ProgressBar(String label, PrintStream out, boolean enabled) {
    this.label = label;
    this.out = out;
    this.enabled = enabled;
  }

  /** A bar on stderr when it is a terminal, else {@link Progress#NONE}-like silence. */
  static ProgressBar onStderr(String label) {
    return new ProgressBar(label, System.err, System.console() != null);
  }

  @Override
  public synchronized void update(long done, long total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    boolean last = total > 0 && done >= total;
    if (!last && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    drawn = true;
    if (total <= 0) {
      out.printf(Locale.ROOT, "\r%s %d", label, done);
    } else {
      int filled = (int) (WIDTH * Math.min(1.0, (double) done / total));
      out.printf(
          Locale.ROOT,
          "\r%s [%s%s] %d/%d %3d%%",
          label,
          "#".repeat(filled),
          " ".repeat(WIDTH - filled),
          done,
          total,
          (int) (100.0 * done / total));
    }
    if (last) {
      out.println();
      drawn = false;
    }
    out.flush();
  }

  /** Ends the line if a bar was drawn and not finished. */
  synchronized void finish() {
    if (enabled && drawn) {
      out.println();
      drawn = false;
    }
  }
}
