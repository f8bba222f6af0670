package io.themewire.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * Reads a response body within a byte cap counted after decompression (so a gzip bomb trips it) and
 * a deadline on the fetcher's {@link Ticker}: checked after every chunk read (so a body that drips
 * stops on the ticker's time, which tests can move without waiting), and a watchdog that closes the
 * stream when the time left runs out (so a read that blocks cannot hold a thread).
 */
final class BodyReader implements AutoCloseable {

  /** Why a read stopped early. */
  static final class Stopped extends IOException {
    final FailureKind kind;

    Stopped(FailureKind kind, String message) {
      super(message);
      this.kind = kind;
    }
  }

  private final long maxBytes;
  private final Ticker ticker;
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tw-fetch-deadline");
            t.setDaemon(true);
            return t;
          });

  BodyReader(long maxBytes, Ticker ticker) {
    this.maxBytes = maxBytes;
    this.ticker = ticker;
  }

  /**
   * The whole body of {@code raw}, gunzipped when {@code gzip}.
   *
   * @param deadline the fetch's deadline, in {@link Ticker#nanos()}
   * @throws Stopped with {@link FailureKind#TOO_LARGE} or {@link FailureKind#TIMEOUT}
   * @throws IOException when the connection fails
   */
  byte[] read(InputStream raw, boolean gzip, long deadline) throws IOException {
    long leftNanos = deadline - ticker.nanos();
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> watchdog =
        deadlines.schedule(
            () -> {
              timedOut.set(true);
              closeQuietly(raw);
            },
            Math.max(1, leftNanos),
            TimeUnit.NANOSECONDS);
    try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw new Stopped(FailureKind.TOO_LARGE, "body larger than " + maxBytes + " bytes");
        }
        out.write(buf, 0, n);
        if (ticker.nanos() - deadline >= 0) {
          throw new Stopped(FailureKind.TIMEOUT, "body not complete within the deadline");
        }
      }
      return out.toByteArray();
    } catch (Stopped e) {
      throw e;
    } catch (IOException e) {
      if (timedOut.get()) {
        throw new Stopped(FailureKind.TIMEOUT, "body not complete within the deadline");
      }
      throw e;
    } finally {
      watchdog.cancel(false);
    }
  }

  static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // closing a stream we are abandoning: nothing left to do
    }
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
  }
}
