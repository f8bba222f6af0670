package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The top-level docker-compose.yml, checked without a Docker engine: every themewire service runs a
 * real subcommand with options the command line accepts (parsed by the app's own parser, so a
 * renamed or missing option fails here), talks to the compose file's broker, and the layout the
 * issue asks for is there (KRaft broker, ingest, 2 classify replicas, index+API, a second API node,
 * the digest job). YAML is read with SnakeYAML, which resolves the file's anchors and merges.
 */
class ComposeFileTest {

  static final Path ROOT = Path.of("..");

  /** Where the Dockerfile puts the repo's deploy/ and samples/ folders. */
  static final String IMAGE_HOME = "/opt/themewire/";

  static Map<String, Object> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    try (Reader r = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml().load(r);
      services = (Map<String, Object>) compose.get("services");
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> service(String name) {
    assertThat(services).as("services").containsKey(name);
    return (Map<String, Object>) services.get(name);
  }

  @SuppressWarnings("unchecked")
  static List<String> command(Map<String, Object> service) {
    Object c = service.get("command");
    assertThat(c).as("command, as a list").isInstanceOf(List.class);
    List<String> out = new ArrayList<>();
    for (Object o : (List<Object>) c) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  /** The themewire services: those built from this repo's Dockerfile. */
  static Set<String> themewireServices() {
    Set<String> names = new TreeSet<>();
    services.forEach(
        (name, s) -> {
          if (((Map<?, ?>) s).containsKey("build")) {
            names.add(name);
          }
        });
    return names;
  }

  /** The parse of one service's command by the app's own command line; fails on unknown options. */
  static ParseResult parse(List<String> args) {
    CommandLine cli = Main.commandLine();
    ParseResult top = cli.parseArgs(args.toArray(String[]::new));
    assertThat(top.hasSubcommand()).as("a subcommand: " + args).isTrue();
    return top.subcommand();
  }

  @Test
  void everyThemewireService_runsARealSubcommand_withOptionsThatExist() {
    assertThat(themewireServices())
        .containsExactlyInAnyOrder("ingest", "classify", "index", "api", "digest");
    for (String name : themewireServices()) {
      List<String> args = command(service(name));
      ParseResult sub;
      try {
        sub = parse(args);
      } catch (CommandLine.ParameterException e) {
        throw new AssertionError(name + ": " + args + " is refused: " + e.getMessage(), e);
      }
      assertThat(sub.commandSpec().name()).as(name).isEqualTo(args.get(0));
      assertThat(sub.unmatched()).as(name + " unmatched arguments").isEmpty();
    }
  }

  @Test
  void kafka_isOneKraftNodeOfTheApacheImage_andEveryKafkaServiceUsesItsListener() {
    Map<String, Object> kafka = service("kafka");
    assertThat(String.valueOf(kafka.get("image"))).startsWith("apache/kafka:");
    Map<?, ?> env = (Map<?, ?>) kafka.get("environment");
    assertThat(String.valueOf(env.get("KAFKA_PROCESS_ROLES"))).contains("broker", "controller");
    assertThat(env.keySet().toString()).doesNotContainIgnoringCase("zookeeper");
    assertThat(kafka).containsKey("healthcheck");
    String advertised = String.valueOf(env.get("KAFKA_ADVERTISED_LISTENERS"));
    String bootstrap = advertised.substring(advertised.indexOf("://") + 3);

    for (String name : List.of("ingest", "classify", "index", "api")) {
      Map<String, Object> s = service(name);
      ParseResult sub = parse(command(s));
      assertThat(sub.hasMatchedOption("--kafka")).as(name + " runs over Kafka").isTrue();
      assertThat((String) sub.matchedOptionValue("--kafka", "")).as(name).isEqualTo(bootstrap);
      @SuppressWarnings("unchecked")
      Map<String, Object> dependsOn = (Map<String, Object>) s.get("depends_on");
      assertThat(dependsOn).as(name + " depends on kafka").containsKey("kafka");
      assertThat(String.valueOf(((Map<?, ?>) dependsOn.get("kafka")).get("condition")))
          .isEqualTo("service_healthy");
    }
  }

  @Test
  void stages_areLaidOutAsTheIssueAsks() {
    assertThat(parse(command(service("ingest"))).commandSpec().name()).isEqualTo("ingest");
    Map<?, ?> deploy = (Map<?, ?>) service("classify").get("deploy");
    assertThat(deploy.get("replicas")).as("classify replicas").isEqualTo(2);
    ParseResult index = parse(command(service("index")));
    assertThat(index.commandSpec().name()).isEqualTo("index");
    assertThat(index.hasMatchedOption("--serve")).as("index serves the API").isTrue();
    assertThat(parse(command(service("api"))).commandSpec().name()).isEqualTo("serve");
    Map<String, Object> digest = service("digest");
    assertThat(parse(command(digest)).commandSpec().name()).isEqualTo("digest");
    assertThat(String.valueOf(digest.get("profiles"))).as("digest is a job").contains("jobs");
  }

  @Test
  void servingNodes_bindAllAddresses_onThePortTheyPublish() {
    Set<String> hostPorts = new TreeSet<>();
    for (String name : List.of("index", "api")) {
      Map<String, Object> s = service(name);
      ParseResult sub = parse(command(s));
      assertThat((String) sub.matchedOptionValue("--host", "")).as(name).isEqualTo("0.0.0.0");
      int port =
          name.equals("index")
              ? sub.matchedOptionValue("--serve", -1)
              : sub.matchedOptionValue("--port", -1);
      List<?> ports = (List<?>) s.get("ports");
      assertThat(ports).as(name + " ports").hasSize(1);
      String[] mapping = String.valueOf(ports.get(0)).split(":");
      assertThat(Integer.parseInt(mapping[1])).as(name + " container port").isEqualTo(port);
      assertThat(hostPorts.add(mapping[0])).as(name + " host port unique").isTrue();
    }
  }

  @Test
  void ingestConfig_isInTheImage_andEverySourceItNamesExists() {
    ParseResult ingest = parse(command(service("ingest")));
    String config = String.valueOf(ingest.matchedOptionValue("--config", (Path) null));
    assertThat(config).startsWith(IMAGE_HOME);
    Path inRepo = ROOT.resolve(config.substring(IMAGE_HOME.length()));
    RunConfig run = RunConfig.load(inRepo);
    assertThat(run.sources()).isNotEmpty();
    for (var source : run.sources()) {
      assertThat(Path.of(source.location())).as("source file").isRegularFile();
    }
  }

  @Test
  void dockerfile_runsTheAppsMain_withTheFoldersTheComposeFileUses() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertThat(dockerfile).contains("io.themewire.app.Main", "COPY deploy/", "COPY samples/");
    assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT ");
  }
}
