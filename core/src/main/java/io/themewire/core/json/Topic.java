package io.themewire.core.json;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.DeadLetter;
import io.themewire.core.message.RawItem;
import java.util.Objects;

/**
 * A topic between stages: its name and the codec of its values. Each topic has exactly one writer
 * stage. Keys are item ids, so writes are upserts.
 */
public record Topic<T>(String name, Codec<T> codec) {

  /** Raw items out of ingest. */
  public static final Topic<RawItem> ITEMS_RAW = new Topic<>("items.raw", Codec.of(RawItem.class));

  /** Labelled items out of classify; compacted, so any index can be rebuilt from it. */
  public static final Topic<ClassifiedItem> ITEMS_CLASSIFIED =
      new Topic<>("items.classified", Codec.of(ClassifiedItem.class));

  /** Whatever a stage gave up on, with the reason. */
  public static final Topic<DeadLetter> ITEMS_DEAD =
      new Topic<>("items.dead", Codec.of(DeadLetter.class));

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(codec, "codec");
  }
}
