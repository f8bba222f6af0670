package io.themewire.app;

import io.themewire.kafka.stage.DeadLetterReplay;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code themewire replay --kafka B}: dead letters back onto the topics they came from. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Put the records in items.dead back on the topic each came from (header tw.origin.topic),"
          + " with their original key and value, for a fixed stage to try again. Reads up to the"
          + " end items.dead had at the start, and remembers how far it got: a second replay does"
          + " not repeat the first."
    })
final class ReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KafkaOptions kafka;

  @Option(
      names = "--stage",
      paramLabel = "NAME",
      description = "Only dead letters of this stage (classify, index); default: all.")
  String stage;

  @Override
  public Integer call() throws InterruptedException {
    if (!kafka.enabled()) {
      throw new ParameterException(spec.commandLine(), "replay needs --kafka HOST:PORT");
    }
    DeadLetterReplay.Result r;
    try {
      r = DeadLetterReplay.run(kafka.config(spec), s -> stage == null || stage.equals(s));
    } catch (ExecutionException e) {
      throw new UserInputException(
          "replay failed: " + Main.firstLine(String.valueOf(e.getCause())));
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new UserInputException("replay failed: " + Main.firstLine(e.toString()));
    }
    spec.commandLine()
        .getOut()
        .printf("replayed %d dead letters (%d skipped)%n", r.replayed(), r.skipped());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
