package io.themewire.core.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmbeddedRunnerTest {

  /** Splits "a,b,c" into its parts. */
  static final class Split implements Stage<String, String> {
    @Override
    public String name() {
      return "split";
    }

    @Override
    public Outcome<String> process(String input) {
      if (input.isEmpty()) {
        return Outcome.skipped("empty");
      }
      return Outcome.emitted(List.of(input.split(",")));
    }
  }

  /** Parses numbers; fails on anything else; throws on "boom". */
  static final class Parse implements Stage<String, Integer> {
    @Override
    public String name() {
      return "parse";
    }

    @Override
    public Outcome<Integer> process(String input) {
      if (input.equals("boom")) {
        throw new IllegalStateException("kaboom");
      }
      try {
        return Outcome.emitted(Integer.parseInt(input));
      } catch (NumberFormatException e) {
        return Outcome.failed("not-a-number", "'" + input + "' is not a number");
      }
    }
  }

  /** Collects what reaches it. */
  static final class Collect implements Stage<Integer, Void> {
    final List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger flushes = new AtomicInteger();
    volatile boolean closed;

    @Override
    public String name() {
      return "collect";
    }

    @Override
    public Outcome<Void> process(Integer input) {
      seen.add(input);
      return Outcome.skipped("stored");
    }

    @Override
    public void flush() {
      flushes.incrementAndGet();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void run_passesOutputsDownAndFailuresToDeadLetters() throws Exception {
    List<DeadLetter> dead = Collections.synchronizedList(new ArrayList<>());
    Collect collect = new Collect();
    EmbeddedRunner<String> runner =
        EmbeddedRunner.<String>builder()
            .then(new Split(), 1)
            .then(new Parse(), 2)
            .then(collect, 1)
            .deadLetters(dead::add)
            .build();

    runner.submit("1,2,x");
    runner.submit("");
    runner.submit("3,boom,4");
    assertThat(runner.awaitIdle(Duration.ofSeconds(10))).isTrue();
    runner.close();

    assertThat(collect.seen).containsExactlyInAnyOrder(1, 2, 3, 4);
    assertThat(dead)
        .extracting(DeadLetter::stage, DeadLetter::reason, DeadLetter::payload)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("parse", "not-a-number", "x"),
            org.assertj.core.groups.Tuple.tuple("parse", "exception", "boom"));
    assertThat(runner.counts().get("parse")).containsEntry("emitted", 4L);
    assertThat(runner.counts().get("split")).containsEntry("skipped", 1L);
    assertThat(collect.flushes).hasValue(1);
    assertThat(collect.closed).isTrue();
  }

  @Test
  void close_drainsWorkStillQueued() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    Collect collect = new Collect();
    Stage<String, Integer> slow =
        new Stage<>() {
          @Override
          public String name() {
            return "slow";
          }

          @Override
          public Outcome<Integer> process(String input) {
            try {
              gate.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return Outcome.emitted(Integer.parseInt(input));
          }
        };
    EmbeddedRunner<String> runner =
        EmbeddedRunner.<String>builder()
            .then(slow, 1)
            .then(collect, 1)
            .queueCapacity(100)
            .deadLetters(l -> {})
            .build();
    for (int i = 0; i < 50; i++) {
      runner.submit(Integer.toString(i));
    }
    Thread closer =
        new Thread(
            () -> {
              try {
                runner.close();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    closer.start();
    gate.countDown();
    closer.join(10_000);

    assertThat(closer.isAlive()).isFalse();
    assertThat(collect.seen).hasSize(50);
  }

  @Test
  void submit_blocksWhileTheQueueIsFull() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    Stage<String, Void> blocked =
        new Stage<>() {
          @Override
          public String name() {
            return "blocked";
          }

          @Override
          public Outcome<Void> process(String input) {
            try {
              gate.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return Outcome.skipped("done");
          }
        };
    EmbeddedRunner<String> runner =
        EmbeddedRunner.<String>builder()
            .then(blocked, 1)
            .queueCapacity(2)
            .deadLetters(l -> {})
            .build();
    AtomicInteger submitted = new AtomicInteger();
    Thread producer =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 10; i++) {
                  runner.submit("x");
                  submitted.incrementAndGet();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    producer.start();
    // The worker holds one item and the queue two: the producer must stall at three.
    producer.join(500);
    assertThat(producer.isAlive()).isTrue();
    assertThat(submitted.get()).isLessThanOrEqualTo(3);
    gate.countDown();
    producer.join(10_000);
    assertThat(submitted).hasValue(10);
    runner.close();
  }
}
