package io.themewire.app;

import java.io.PrintWriter;

/**
 * One classify worker process over Kafka ({@code classify --kafka}): one member of the classify
 * group, items.raw to items.classified in transactions, until SIGTERM.
 */
final class KafkaClassifyNode {

  private KafkaClassifyNode() {}

  /**
   * Runs until the process is stopped; closes the runtime's wiring at the end. With {@code
   * metricsPort} it serves /metrics, /health and /ready on it. Returns the exit code: 1 when the
   * worker stopped on an error, so that a supervisor restarts it.
   */
  static int runUntilStopped(
      KafkaRuntime runtime, String host, Integer metricsPort, PrintWriter out)
      throws InterruptedException {
    Wiring wiring = runtime.wiring();
    // Load the model before joining the group, so a new worker takes partitions ready to work.
    wiring.classifier();
    var worker = runtime.classifyWorker(wiring.meters());
    StageStatusServer status =
        StageStatusServer.startIfAsked(
            host, metricsPort, wiring.meters(), worker::notReadyReason, out);
    // Started before its broker (or during a restart), the worker waits for it.
    runtime.ensureTopics(KafkaRuntime.BROKER_PATIENCE);
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
                  if (status != null) {
                    status.close();
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
    return worker.failure().isPresent() ? 1 : 0;
  }
}
