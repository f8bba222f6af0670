package io.themewire.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks on command-line inputs, made before any work starts. */
final class Inputs {

  private Inputs() {}

  /** Fails with a one-line reason unless every path is a readable regular file. */
  static void requireFiles(List<Path> files) {
    for (Path f : files) {
      if (!Files.exists(f)) {
        throw new UserInputException("no such file: " + f);
      }
      if (!Files.isRegularFile(f)) {
        throw new UserInputException("not a file: " + f);
      }
      if (!Files.isReadable(f)) {
        throw new UserInputException("cannot read: " + f);
      }
    }
  }

  /** A reader of the named file, or of standard input for {@code -} or no name. */
  static BufferedReader reader(Path file, InputStream stdin) throws IOException {
    if (file == null || file.toString().equals("-")) {
      return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    }
    requireFiles(List.of(file));
    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }
}
