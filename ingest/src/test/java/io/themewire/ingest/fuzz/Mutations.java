package io.themewire.ingest.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Mutations of real documents for the parsers that face the outside: seeds are files of the shared
 * corpora, changed by flipped bytes, truncation, repeated slices and hostile fragments (entity
 * declarations, nesting, broken encodings). jqwik picks the seed and a random seed for the changes,
 * so every failure it reports names a reproducible input.
 */
final class Mutations {

  private static final List<byte[]> HOSTILE =
      Stream.of(
              "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
              "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
              "&xxe;&b;&#0;&#xD800;&amp",
              "<![CDATA[",
              "]]>",
              "<!--",
              "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
              "<?xml version=\"1.0\" encoding=\"no-such-charset\"?>",
              "<a>".repeat(700),
              "</item></channel></rss>",
              "<script>alert(1)</script>",
              "<img src=x onerror=alert(1)>",
              "<a href=\"javascript:alert(1)\">x</a>",
              "\u0000\u0001\u001b",
              "<html><body><article><p>",
              "<title>",
              "\"'<>")
          .map(s -> s.getBytes(StandardCharsets.UTF_8))
          .toList();

  private static final List<byte[]> RAW =
      List.of(
          new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
          new byte[] {(byte) 0xFE, (byte) 0xFF},
          new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
          new byte[] {(byte) 0xC3, (byte) 0x28},
          new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
          new byte[] {0, 0, 0, 0});

  private Mutations() {}

  /** Every regular file under {@code dir} with one of {@code suffixes}, sorted. */
  static List<Path> files(Path dir, String... suffixes) {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> Stream.of(suffixes).anyMatch(s -> p.toString().endsWith(s)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A seed file's bytes, changed 1 to 4 times as {@code seed} dictates. */
  static Arbitrary<byte[]> of(List<Path> seeds) {
    return Arbitraries.of(seeds).flatMap(p -> Arbitraries.longs().map(s -> mutate(read(p), s)));
  }

  static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] mutate(byte[] original, long seed) {
    Random r = new Random(seed);
    byte[] b = original;
    int changes = 1 + r.nextInt(4);
    for (int c = 0; c < changes; c++) {
      int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
      switch (r.nextInt(6)) {
        case 0 -> {
          if (b.length > 0) {
            b = b.clone();
            b[Math.min(at, b.length - 1)] ^= (byte) (1 << r.nextInt(8));
          }
        }
        case 1 -> b = java.util.Arrays.copyOf(b, at);
        case 2 -> b = insert(b, at, HOSTILE.get(r.nextInt(HOSTILE.size())));
        case 3 -> b = insert(b, at, RAW.get(r.nextInt(RAW.size())));
        case 4 -> {
          int from = b.length == 0 ? 0 : r.nextInt(b.length);
          int len = Math.min(b.length - from, 1 + r.nextInt(2048));
          b = insert(b, at, java.util.Arrays.copyOfRange(b, from, from + len));
        }
        default -> b = insert(RAW.get(r.nextInt(RAW.size())), 0, b);
      }
    }
    return b;
  }

  private static byte[] insert(byte[] b, int at, byte[] piece) {
    int i = Math.min(at, b.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + piece.length);
    out.write(b, 0, i);
    out.write(piece, 0, piece.length);
    out.write(b, i, b.length - i);
    return out.toByteArray();
  }
}
