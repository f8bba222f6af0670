package io.themewire.app;

import io.themewire.core.json.Topic;
import io.themewire.core.message.RawItem;
import io.themewire.core.stage.Outcome;
import io.themewire.ingest.source.IngestStage;
import io.themewire.ingest.source.SourceRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code themewire ingest --once}: raw items of feeds, pages and threads as JSON Lines. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch and parse feeds, article pages and discussion threads (files or http(s) URLs).",
      "With --once, prints the raw items as JSON Lines and publishes nothing.",
      "With --kafka and --once, publishes them to items.raw instead (idempotent, acks=all) and"
          + " prints one line per source and the number acknowledged.",
      "A source that cannot be read gets a one-line reason on stderr; the others still run,"
          + " and the exit status is 2."
    })
final class IngestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin KafkaOptions kafka;

  @Option(names = "--once", description = "Read each source once and print its items.")
  boolean once;

  @Option(
      names = "--acked",
      paramLabel = "FILE",
      description =
          "With --kafka: append the id of each item the broker acknowledged (acks=all) to FILE,"
              + " one a line, as the acknowledgement arrives (an audit trail for fault tests).")
  Path acked;

  @Parameters(
      arity = "1..*",
      paramLabel = "SOURCE",
      description = "Feed, page or thread: a file or an http(s) URL.")
  List<String> sources;

  @Override
  public Integer call() throws InterruptedException {
    if (!once) {
      throw new ParameterException(spec.commandLine(), "ingest needs --once");
    }
    for (String s : sources) {
      if (!s.startsWith("http://") && !s.startsWith("https://")) {
        Inputs.requireFiles(List.of(Path.of(s)));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (acked != null && !kafka.enabled()) {
      throw new ParameterException(spec.commandLine(), "--acked needs --kafka");
    }
    if (kafka.enabled()) {
      return publish(out, err);
    }
    int failures = 0;
    try (Wiring wiring = common.wiring()) {
      IngestStage stage = wiring.ingestStage((id, hash) -> false);
      for (String s : sources) {
        Outcome<RawItem> outcome = stage.process(new SourceRequest(s));
        if (outcome instanceof Outcome.Emitted<RawItem> emitted) {
          for (RawItem item : emitted.values()) {
            out.println(Topic.ITEMS_RAW.codec().encodeToString(item));
          }
        } else if (outcome instanceof Outcome.Failed<RawItem> failed) {
          failures++;
          err.println("themewire: " + failed.reason() + ": " + Main.firstLine(failed.message()));
        }
      }
    }
    out.flush();
    err.flush();
    return failures == 0 ? 0 : 2;
  }

  /** Reads each source once and publishes its items to items.raw. */
  private int publish(PrintWriter out, PrintWriter err) throws InterruptedException {
    int failures = 0;
    try (Wiring wiring = common.wiring()) {
      KafkaRuntime runtime =
          new KafkaRuntime(wiring, kafka.config(spec), java.time.Clock.systemUTC());
      // Started while the broker restarts, it waits for it rather than failing the run.
      runtime.ensureTopics(KafkaRuntime.BROKER_PATIENCE);
      IngestStage stage = wiring.ingestStage((id, hash) -> false);
      try (var publisher = runtime.publisher();
          AckLog ackLog = AckLog.open(acked)) {
        java.util.List<java.util.concurrent.CompletableFuture<?>> sent =
            new java.util.ArrayList<>();
        for (String s : sources) {
          Outcome<RawItem> outcome = stage.process(new SourceRequest(s));
          if (outcome instanceof Outcome.Emitted<RawItem> emitted) {
            for (RawItem item : emitted.values()) {
              sent.add(publisher.publish(item).thenRun(() -> ackLog.record(item.id())));
            }
            out.printf("ok      %d items  %s%n", emitted.values().size(), s);
          } else if (outcome instanceof Outcome.Failed<RawItem> failed) {
            failures++;
            err.println("themewire: " + failed.reason() + ": " + Main.firstLine(failed.message()));
          } else {
            out.printf("ok      0 items  %s (%s)%n", s, outcome.code());
          }
        }
        publisher.flush();
        for (var f : sent) {
          try {
            f.join();
          } catch (java.util.concurrent.CompletionException e) {
            // counted by the publisher
          }
        }
        out.printf(
            "published %d items to %s (%d acknowledged, %d failed)%n",
            sent.size(),
            runtime.config().topics().raw(),
            publisher.acknowledged(),
            publisher.failed());
        if (publisher.failed() > 0) {
          failures++;
        }
      }
    }
    out.flush();
    err.flush();
    return failures == 0 ? 0 : 2;
  }

  /** Ids the broker acknowledged, appended to a file as each acknowledgement arrives. */
  private static final class AckLog implements AutoCloseable {
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
}
