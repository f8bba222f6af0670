package io.themewire.app;

import java.nio.file.Path;

/** Ids the broker acknowledged, appended to a file as each acknowledgement arrives. */
final class AckLog implements AutoCloseable {
  private final java.io.Writer out;

  private AckLog(java.io.Writer out) {
    this.out = out;
  }

  static AckLog open(Path file) {
    if (file == null) {
      return new AckLog(null);
    }
    try {
      return new AckLog(
          java.nio.file.Files.newBufferedWriter(
              file,
              java.nio.charset.StandardCharsets.UTF_8,
              java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.APPEND));
    } catch (java.io.IOException e) {
      throw new UserInputException("--acked: cannot write " + file + ": " + e.getMessage());
    }
  }

  synchronized void record(io.themewire.core.message.ItemId id) {
    if (out == null) {
      return;
    }
    try {
      out.write(id.value());
      out.write('\n');
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
