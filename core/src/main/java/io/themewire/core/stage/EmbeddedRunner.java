package io.themewire.core.stage;

import io.themewire.core.json.Json;
import io.themewire.core.message.DeadLetter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a chain of stages in one JVM: a bounded queue in front of each stage, a few worker threads
 * per stage, failures to a {@link DeadLetterSink}.
 *
 * <p>Back-pressure: {@link #submit} blocks while the first queue is full, and a stage's workers
 * block while the next queue is full, so memory stays bounded whatever the input rate. {@link
 * #close} stops taking input, drains every queue through to the last stage, then flushes and closes
 * the stages in order: in-flight work is finished, not dropped.
 *
 * <p>Build one with {@link #builder()}:
 *
 * <pre>{@code
 * EmbeddedRunner<SourceRequest> runner = EmbeddedRunner.<SourceRequest>builder()
 *     .then(ingest, 1).then(classify, 2).then(index, 1)
 *     .deadLetters(log).build();
 * }</pre>
 *
 * @param <I> the input type of the first stage
 */
public final class EmbeddedRunner<I> implements AutoCloseable {

  /** Default capacity of each stage's input queue. */
  public static final int DEFAULT_QUEUE_CAPACITY = 256;

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRunner.class);
  private static final Object STOP = new Object();

  private final List<Slot> slots;
  private final DeadLetterSink deadLetters;
  private final Clock clock;
  private final AtomicLong inFlight = new AtomicLong();
  private final Object idle = new Object();
  private final java.util.concurrent.locks.ReentrantReadWriteLock intake =
      new java.util.concurrent.locks.ReentrantReadWriteLock();
  private volatile boolean closed;

  private EmbeddedRunner(List<Slot> slots, DeadLetterSink deadLetters, Clock clock) {
    this.slots = slots;
    this.deadLetters = deadLetters;
    this.clock = clock;
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      Slot next = i + 1 < slots.size() ? slots.get(i + 1) : null;
      for (int w = 0; w < slot.workers; w++) {
        Thread t = new Thread(() -> work(slot, next), "tw-" + slot.stage.name() + "-" + w);
        t.setDaemon(true);
        slot.threads.add(t);
        t.start();
      }
    }
  }

  public static <I> Builder<I, I> builder() {
    return new Builder<>(new ArrayList<>());
  }

  /**
   * Hands one input to the first stage, waiting while its queue is full.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public void submit(I input) throws InterruptedException {
    Objects.requireNonNull(input, "input");
    // Shared with other submitters, exclusive with close(): no input can slip in behind STOP.
    intake.readLock().lockInterruptibly();
    try {
      if (closed) {
        throw new IllegalStateException("runner is closed");
      }
      inFlight.incrementAndGet();
      slots.get(0).queue.put(input);
    } finally {
      intake.readLock().unlock();
    }
  }

  /**
   * Waits until every submitted input has passed through every stage.
   *
   * @return true when idle, false when the timeout ran out first
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (inFlight.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
    }
    return true;
  }

  /** Outcome counts so far: stage name to outcome code ({@code emitted}, a failure reason, ...). */
  public Map<String, Map<String, Long>> counts() {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (Slot slot : slots) {
      Map<String, Long> codes = new LinkedHashMap<>();
      slot.counts.forEach((k, v) -> codes.put(k, v.get()));
      out.put(slot.stage.name(), codes);
    }
    return out;
  }

  /** Stops taking input, drains every queue, flushes and closes every stage. Idempotent. */
  @Override
  public void close() throws InterruptedException {
    intake.writeLock().lockInterruptibly();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      intake.writeLock().unlock();
    }
    Slot first = slots.get(0);
    for (int w = 0; w < first.workers; w++) {
      first.queue.put(STOP);
    }
    for (Slot slot : slots) {
      for (Thread t : slot.threads) {
        t.join();
      }
    }
    for (Slot slot : slots) {
      try {
        slot.stage.close();
      } catch (Exception e) {
        log.error("{} - close failed: {}", slot.stage.name(), e.toString(), e);
      }
    }
  }

  private void work(Slot slot, Slot next) {
    try {
      while (true) {
        Object input = slot.queue.take();
        if (input == STOP) {
          if (slot.running.decrementAndGet() == 0) {
            flush(slot);
            if (next != null) {
              for (int w = 0; w < next.workers; w++) {
                next.queue.put(STOP);
              }
            }
          }
          return;
        }
        handle(slot, next, input);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unchecked")
  private void handle(Slot slot, Slot next, Object input) throws InterruptedException {
    Outcome<Object> outcome;
    try {
      outcome = ((Stage<Object, Object>) slot.stage).process(input);
    } catch (RuntimeException | Error e) {
      // Even an Error (a stack overflow on a hostile input) costs only this input: the worker,
      // the in-flight count and the shutdown hand-over must survive it.
      outcome = Outcome.failed("exception", e.toString(), e);
    }
    slot.counts.computeIfAbsent(outcome.code(), k -> new AtomicLong()).incrementAndGet();
    try {
      if (outcome instanceof Outcome.Emitted<Object> emitted && next != null) {
        for (Object value : emitted.values()) {
          inFlight.incrementAndGet();
          next.queue.put(value);
        }
      } else if (outcome instanceof Outcome.Failed<Object> failed) {
        deadLetter(slot, input, failed);
      }
    } finally {
      if (inFlight.decrementAndGet() == 0) {
        synchronized (idle) {
          idle.notifyAll();
        }
      }
    }
  }

  private void deadLetter(Slot slot, Object input, Outcome.Failed<Object> failed) {
    log.warn("{} - {}: {}", slot.stage.name(), failed.reason(), failed.message());
    String payload;
    try {
      payload = input instanceof String s ? s : Json.write(input);
    } catch (RuntimeException e) {
      payload = String.valueOf(input);
    }
    try {
      deadLetters.accept(
          new DeadLetter(
              slot.stage.name(), failed.reason(), failed.message(), payload, clock.instant()));
    } catch (RuntimeException e) {
      log.error("{} - dead letter could not be stored: {}", slot.stage.name(), e.toString(), e);
    }
  }

  private void flush(Slot slot) {
    try {
      slot.stage.flush();
    } catch (RuntimeException e) {
      log.error("{} - flush failed: {}", slot.stage.name(), e.toString(), e);
    }
  }

  private static final class Slot {
    final Stage<?, ?> stage;
    final int workers;
    final BlockingQueue<Object> queue;
    final AtomicInteger running;
    final List<Thread> threads = new ArrayList<>();
    final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    Slot(Stage<?, ?> stage, int workers, int capacity) {
      this.stage = stage;
      this.workers = workers;
      this.queue = new ArrayBlockingQueue<>(capacity);
      this.running = new AtomicInteger(workers);
    }
  }

  /**
   * Collects the stages in order; {@link #build()} starts the workers.
   *
   * @param <I> the runner's input type
   * @param <O> the output type of the last stage so far
   */
  public static final class Builder<I, O> {
    private final List<Object[]> stages;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private DeadLetterSink deadLetters;
    private Clock clock = Clock.systemUTC();

    private Builder(List<Object[]> stages) {
      this.stages = stages;
    }

    /** Appends a stage run by {@code workers} threads (1 to 64). */
    @SuppressWarnings("unchecked")
    public <N> Builder<I, N> then(Stage<? super O, N> stage, int workers) {
      Objects.requireNonNull(stage, "stage");
      if (workers < 1 || workers > 64) {
        throw new IllegalArgumentException(
            "workers for stage '" + stage.name() + "' must be 1..64, got " + workers);
      }
      stages.add(new Object[] {stage, workers});
      Builder<I, N> next = (Builder<I, N>) (Builder<?, ?>) this;
      return next;
    }

    /** Capacity of each stage's input queue; default {@value #DEFAULT_QUEUE_CAPACITY}. */
    public Builder<I, O> queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("queueCapacity must be at least 1, got " + capacity);
      }
      this.queueCapacity = capacity;
      return this;
    }

    /** Where failures go. Required. */
    public Builder<I, O> deadLetters(DeadLetterSink sink) {
      this.deadLetters = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /** The clock that stamps dead letters; the system UTC clock by default. */
    public Builder<I, O> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public EmbeddedRunner<I> build() {
      List<String> problems = new ArrayList<>();
      if (stages.isEmpty()) {
        problems.add("at least one stage is required");
      }
      if (deadLetters == null) {
        problems.add("deadLetters is required");
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("cannot build runner: " + String.join("; ", problems));
      }
      List<Slot> slots = new ArrayList<>();
      for (Object[] s : stages) {
        slots.add(new Slot((Stage<?, ?>) s[0], (Integer) s[1], queueCapacity));
      }
      return new EmbeddedRunner<>(List.copyOf(slots), deadLetters, clock);
    }
  }
}
