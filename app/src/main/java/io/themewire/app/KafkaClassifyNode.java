package io.themewire.app;

import java.io.PrintWriter;

/**
 * One classify worker process over Kafka ({@code classify --kafka}): one member of the classify
 * group, items.raw to items.classified in transactions, until SIGTERM.
 */
final class KafkaClassifyNode {

  private KafkaClassifyNode() {}

  /** Runs until the process is stopped; closes the runtime's wiring at the end. */
  static void runUntilStopped(KafkaRuntime runtime, PrintWriter out) throws InterruptedException {
    Wiring wiring = runtime.wiring();
    runtime.ensureTopics();
    // Load the model before joining the group, so a new worker takes partitions ready to work.
    wiring.classifier();
    var worker = runtime.classifyWorker(wiring.meters());
    Thread loop = new Thread(worker, "tw-classify-kafka");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  worker.stop();
                  try {
                    loop.join(KafkaIndexNode.STOP_GRACE.toMillis());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "tw-shutdown"));
    loop.start();
    out.printf(
        "classifying %s into %s as group %s%n",
        runtime.config().topics().raw(),
        runtime.config().topics().classified(),
        runtime.classifyGroup());
    out.flush();
    loop.join();
    wiring.close();
  }
}
