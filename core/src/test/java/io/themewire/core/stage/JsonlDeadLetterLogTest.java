package io.themewire.core.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead-letter log after a kill -9 mid-write: a torn last line is skipped, counted, and ended.
 */
class JsonlDeadLetterLogTest {

  @TempDir Path dir;

  private static DeadLetter letter(String reason) {
    return new DeadLetter("ingest", reason, "what happened", "{}", Instant.EPOCH);
  }

  @Test
  void tornLastLine_isSkippedAndCounted_andTheNextWriterStartsAFreshLine() throws Exception {
    Path file = dir.resolve("dead-letters.jsonl");
    try (JsonlDeadLetterLog log = new JsonlDeadLetterLog(file)) {
      log.accept(letter("not-a-feed"));
      log.accept(letter("parse-error"));
    }
    // A kill -9 in the middle of the third write: half a line, no newline.
    String whole = Files.readString(file);
    String third = whole.lines().findFirst().orElseThrow();
    Files.writeString(
        file,
        third.substring(0, third.length() / 2),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    JsonlDeadLetterLog.Contents torn = JsonlDeadLetterLog.readAll(file);
    assertThat(torn.letters())
        .extracting(DeadLetter::reason)
        .containsExactly("not-a-feed", "parse-error");
    assertThat(torn.torn()).isEqualTo(1);

    // Restarted: the next letter is a line of its own, readable.
    try (JsonlDeadLetterLog log = new JsonlDeadLetterLog(file)) {
      log.accept(letter("timeout"));
    }
    JsonlDeadLetterLog.Contents after = JsonlDeadLetterLog.readAll(file);
    assertThat(after.letters())
        .extracting(DeadLetter::reason)
        .containsExactly("not-a-feed", "parse-error", "timeout");
    assertThat(after.torn()).isEqualTo(1);
    assertThat(JsonlDeadLetterLog.read(file)).hasSize(3);
  }

  @Test
  void wholeLog_hasNoTornLines_andReopeningAddsNoBlankLine() throws Exception {
    Path file = dir.resolve("dead-letters.jsonl");
    try (JsonlDeadLetterLog log = new JsonlDeadLetterLog(file)) {
      log.accept(letter("not-a-feed"));
    }
    try (JsonlDeadLetterLog log = new JsonlDeadLetterLog(file)) {
      log.accept(letter("timeout"));
    }
    assertThat(Files.readAllLines(file)).hasSize(2).allSatisfy(l -> assertThat(l).isNotBlank());
    assertThat(JsonlDeadLetterLog.readAll(file).torn()).isZero();
  }
}
