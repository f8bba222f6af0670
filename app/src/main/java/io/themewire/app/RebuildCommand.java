package io.themewire.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.kafka.broker.BrokerProcess;
import io.themewire.kafka.stage.SinkRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code themewire rebuild --kafka B --data DIR}: a fresh index from the compacted log. */
@Command(
    name = "rebuild",
    mixinStandardHelpOptions = true,
    description = {
      "Build a fresh index from items.classified (compacted: the latest version of every item),"
          + " into DATA/index.rebuild, and swap it in for DATA/index once it has read the whole"
          + " log. Stop the index process of that folder first."
    })
final class RebuildCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin KafkaOptions kafka;

  @Override
  public Integer call() throws IOException {
    if (!kafka.enabled()) {
      throw new ParameterException(spec.commandLine(), "rebuild needs --kafka HOST:PORT");
    }
    Wiring wiring = common.wiring();
    KafkaRuntime runtime = new KafkaRuntime(wiring, kafka.config(spec), Clock.systemUTC());
    runtime.ensureTopics();
    Path data = wiring.settings().dataDir();
    Path fresh = data.resolve("index.rebuild");
    BrokerProcess.deleteRecursively(fresh);
    long count;
    try (LuceneArticleIndex index = LuceneArticleIndex.open(fresh)) {
      SinkRunner<ClassifiedItem> runner =
          runtime.indexer(index, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), true);
      runner.run();
      if (runner.failure().isPresent()) {
        throw new UserInputException("rebuild failed: " + runner.failure().get());
      }
      count = index.count();
    }
    Path live = data.resolve("index");
    Path old = data.resolve("index.old");
    BrokerProcess.deleteRecursively(old);
    if (Files.exists(live)) {
      Files.move(live, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(fresh, live, StandardCopyOption.ATOMIC_MOVE);
    BrokerProcess.deleteRecursively(old);
    spec.commandLine()
        .getOut()
        .printf(
            "rebuilt %d items from %s into %s%n",
            count, runtime.config().topics().classified(), live.toAbsolutePath());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
