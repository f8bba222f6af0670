package io.themewire.kafka.stage;

import io.themewire.core.json.Topic;
import io.themewire.core.message.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Dead-letter records: the value is a {@link DeadLetter} (payload = the original value), the
 * headers say where it came from so that {@link DeadLetterReplay} can put it back.
 */
public final class DeadLetterRecords {

  public static final String ORIGIN_TOPIC = "tw.origin.topic";
  public static final String ORIGIN_PARTITION = "tw.origin.partition";
  public static final String ORIGIN_OFFSET = "tw.origin.offset";
  public static final String EXCEPTION = "tw.exception";
  public static final String ATTEMPT = "tw.attempt";
  public static final String STAGE = "tw.stage";
  public static final String REASON = "tw.reason";

  private DeadLetterRecords() {}

  static ProducerRecord<String, byte[]> of(
      String deadTopic,
      ConsumerRecord<String, byte[]> origin,
      String stage,
      String reason,
      String message,
      Throwable cause,
      int attempt,
      Instant at) {
    String payload =
        origin.value() == null ? "" : new String(origin.value(), StandardCharsets.UTF_8);
    DeadLetter letter = new DeadLetter(stage, reason, message, payload, at);
    ProducerRecord<String, byte[]> r =
        new ProducerRecord<>(deadTopic, origin.key(), Topic.ITEMS_DEAD.codec().encode(letter));
    Headers h = r.headers();
    put(h, ORIGIN_TOPIC, origin.topic());
    put(h, ORIGIN_PARTITION, Integer.toString(origin.partition()));
    put(h, ORIGIN_OFFSET, Long.toString(origin.offset()));
    put(
        h,
        EXCEPTION,
        cause == null
            ? reason + ": " + message
            : cause.getClass().getName() + ": " + cause.getMessage());
    put(h, ATTEMPT, Integer.toString(attempt));
    put(h, STAGE, stage);
    put(h, REASON, reason);
    return r;
  }

  /** A header's text, or null. */
  public static String header(Headers headers, String key) {
    Header h = headers.lastHeader(key);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers h, String key, String value) {
    h.add(key, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
  }
}
