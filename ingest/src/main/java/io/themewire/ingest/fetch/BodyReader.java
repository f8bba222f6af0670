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
 * a deadline that closes the stream (so a body that never ends cannot hold a thread).
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
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tw-fetch-deadline");
            t.setDaemon(true);
            return t;
          });

  BodyReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * The whole body of {@code raw}, gunzipped when {@code gzip}.
   *
   * @param leftNanos time left before the fetch's deadline
   * @throws Stopped with {@link FailureKind#TOO_LARGE} or {@link FailureKind#TIMEOUT}
   * @throws IOException when the connection fails
   */
  byte[] read(InputStream raw, boolean gzip, long leftNanos) throws IOException {
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
