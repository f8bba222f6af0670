package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.kafka.KafkaConfig;
import io.themewire.kafka.KafkaTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code themewire broker}: a real KRaft broker from the broker module's jars, in a child JVM. */
class BrokerCommandIT {

  @TempDir Path dir;

  @Test
  void broker_printsReady_servesTopicsWithExplicitSettings_andStopsOnSigterm_keepingItsData()
      throws Exception {
    Path work = dir.resolve("broker");
    String bootstrap;
    KafkaTopics topics = new KafkaTopics("b.");
    try (AppProcess broker =
        AppProcess.start(
            "broker",
            dir.resolve("broker.log"),
            "-Xmx256m",
            "broker",
            "--port",
            "0",
            "--dir",
            work.toString())) {
      String ready = broker.awaitLine(l -> l.startsWith("ready "), Duration.ofSeconds(90));
      bootstrap = ready.substring("ready ".length());
      assertThat(bootstrap).matches("127\\.0\\.0\\.1:\\d+");
      KafkaConfig config = new KafkaConfig(bootstrap, topics, 6);
      try (Admin admin = Admin.create(config.admin())) {
        topics.ensure(admin, 6);
        topics.ensure(admin, 6); // a second worker starting finds them and changes nothing
        Map<String, TopicDescription> d =
            admin
                .describeTopics(
                    List.of(topics.raw(), topics.classified(), topics.dead(), topics.sources()))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS);
        assertThat(d.get(topics.raw()).partitions()).hasSize(6);
        assertThat(d.get(topics.classified()).partitions()).hasSize(6);
        ConfigResource classified =
            new ConfigResource(ConfigResource.Type.TOPIC, topics.classified());
        ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, topics.raw());
        Map<ConfigResource, Config> configs =
            admin.describeConfigs(List.of(classified, raw)).all().get(30, TimeUnit.SECONDS);
        assertThat(configs.get(classified).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(configs.get(raw).get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(configs.get(raw).get("retention.ms").value()).isEqualTo("604800000");
      }
      // SIGTERM: the JVM exits as terminated, and the broker it started is gone with it.
      assertThat(broker.terminate(Duration.ofSeconds(60))).isIn(0, 143);
      assertThat(listening(bootstrap)).isFalse();
    }
    // Started again on the same folder: same port, topics still there.
    try (AppProcess again =
        AppProcess.start(
            "broker2",
            dir.resolve("broker.log"),
            "-Xmx256m",
            "broker",
            "--port",
            "0",
            "--dir",
            work.toString())) {
      assertThat(again.awaitLine(l -> l.startsWith("ready "), Duration.ofSeconds(90)))
          .isEqualTo("ready " + bootstrap);
      try (Admin admin = Admin.create(new KafkaConfig(bootstrap, topics, 6).admin())) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
            .contains(topics.classified());
      }
      assertThat(again.terminate(Duration.ofSeconds(60))).isIn(0, 143);
      assertThat(listening(bootstrap)).isFalse();
    }
    assertThat(Files.exists(work.resolve("server.properties"))).isTrue();
  }

  static boolean listening(String hostPort) {
    String[] hp = hostPort.split(":");
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress(hp[0], Integer.parseInt(hp[1])), 1000);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void broker_withABadPort_exits2() {
    CliTest.Run r = CliTest.run("broker", "--port", "70000");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--port must be 0..65535");
  }
}
