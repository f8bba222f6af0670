package io.themewire.app;

import java.io.IOException;
import java.nio.file.Path;
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
    KafkaRuntime runtime = new KafkaRuntime(common.wiring(), kafka.config(spec));
    long count = KafkaIndexNode.rebuild(runtime);
    Path live = runtime.wiring().settings().dataDir().resolve("index");
    spec.commandLine()
        .getOut()
        .printf(
            "rebuilt %d items from %s into %s%n",
            count, runtime.config().topics().classified(), live.toAbsolutePath());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
