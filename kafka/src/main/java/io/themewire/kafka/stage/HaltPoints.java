package io.themewire.kafka.stage;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash points for fault tests. With {@value #VARIABLE}{@code =POINT:N} in the environment, the
 * process halts (exit status {@value #STATUS}, as after kill -9: no shutdown hook runs, nothing is
 * flushed or closed) the N-th time a runner passes POINT. Unset, as in every normal run, {@link
 * #pass} does nothing. The points:
 *
 * <ul>
 *   <li>{@code sink-before-commit}: records written to the store, its commit not yet made;
 *   <li>{@code sink-after-commit}: the store committed with its offsets, nothing after it done;
 *   <li>{@code transform-before-commit}: outputs and offsets sent in the transaction, not
 *       committed;
 *   <li>{@code transform-after-commit}: the transaction committed, the next poll not made.
 * </ul>
 */
public final class HaltPoints {

  /** The environment variable that arms one point. */
  public static final String VARIABLE = "THEMEWIRE_HALT_AT";

  /** The exit status of a halt: that of a process killed by signal 9. */
  public static final int STATUS = 137;

  private static final Logger log = LoggerFactory.getLogger(HaltPoints.class);

  private static final HaltPoints ENVIRONMENT = parse(System.getenv(VARIABLE));

  private final String point;
  private final int nth;
  private final AtomicInteger passed = new AtomicInteger();

  private HaltPoints(String point, int nth) {
    this.point = point;
    this.nth = nth;
  }

  /** The points armed by this process's environment (none, normally). */
  public static HaltPoints fromEnvironment() {
    return ENVIRONMENT;
  }

  /** {@code POINT:N}, {@code POINT} (the first pass), or null/blank for none. */
  static HaltPoints parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return new HaltPoints(null, 0);
    }
    String s = spec.strip();
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      return new HaltPoints(s, 1);
    }
    try {
      int n = Integer.parseInt(s.substring(colon + 1));
      if (n < 1) {
        throw new IllegalArgumentException(VARIABLE + ": N must be at least 1, got '" + s + "'");
      }
      return new HaltPoints(s.substring(0, colon), n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(VARIABLE + ": expected POINT:N, got '" + s + "'", e);
    }
  }

  /** Whether this pass of {@code here} is the armed one (counting it). */
  boolean due(String here) {
    return point != null && point.equals(here) && passed.incrementAndGet() == nth;
  }

  /** Halts the process when this pass of {@code here} is the armed one. */
  void pass(String here) {
    if (due(here)) {
      log.warn("{} - halting the process at pass {} ({}={}:{})", here, nth, VARIABLE, point, nth);
      System.err.flush();
      Runtime.getRuntime().halt(STATUS);
    }
  }
}
