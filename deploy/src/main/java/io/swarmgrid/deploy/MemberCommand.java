package io.swarmgrid.deploy;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import io.swarmgrid.config.SwarmGridConfigLoader;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code swarmgrid member}: one member from a {@code hazelcast.yaml} and, optionally, a {@code
 * swarmgrid.yaml}. The member runs SwarmGrid if its {@code hazelcast.yaml} imports {@code
 * classpath:swarmgrid-member.yaml}; otherwise it is a plain Hazelcast member. Runs until the member
 * shuts down; SIGTERM shuts it down gracefully.
 */
@Command(
    name = "member",
    mixinStandardHelpOptions = true,
    description = {
      "One member process from a hazelcast.yaml (and swarmgrid.yaml), until stopped.",
      "SIGTERM or Ctrl-C shuts it down gracefully. The SwarmGrid config (the file",
      "and any SWARMGRID_* variables) is checked before the member starts."
    })
public final class MemberCommand implements Callable<Integer> {
  @Option(
      names = "--hazelcast",
      required = true,
      paramLabel = "FILE",
      description = "The member's hazelcast.yaml (e.g. deploy/examples/loopback-3/hazelcast.yaml).")
  Path hazelcastYaml;

  @Option(
      names = "--swarmgrid",
      paramLabel = "FILE",
      description =
          "The node's swarmgrid.yaml (default: -Dswarmgrid.config, $SWARMGRID_CONFIG,"
              + " ./swarmgrid.yaml, then the bundled defaults).")
  Path swarmgridYaml;

  @Override
  public Integer call() throws FileNotFoundException, InterruptedException {
    if (!Files.isRegularFile(hazelcastYaml)) {
      throw new IllegalArgumentException(
          "--hazelcast: '" + hazelcastYaml + "' is not a readable file");
    }
    Properties properties = new Properties();
    properties.putAll(System.getProperties());
    if (swarmgridYaml != null) {
      properties.setProperty(
          SwarmGridConfigLoader.CONFIG_PROPERTY, swarmgridYaml.toAbsolutePath().toString());
    }
    // Fails here, with the key, the value and the file or variable, before anything starts.
    SwarmGridConfigLoader.load(properties, System.getenv(), Path.of("").toAbsolutePath());
    if (swarmgridYaml != null) {
      System.setProperty(
          SwarmGridConfigLoader.CONFIG_PROPERTY, swarmgridYaml.toAbsolutePath().toString());
    }
    System.setProperty(
        "hazelcast.logging.type", System.getProperty("hazelcast.logging.type", "slf4j"));
    // Let a SIGTERM migrate partitions away and mark the node gone, rather than vanish.
    System.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
    Config config = Config.loadFromFile(hazelcastYaml.toFile());
    CountDownLatch down = new CountDownLatch(1);
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    member
        .getLifecycleService()
        .addLifecycleListener(
            event -> {
              if (event.getState() == LifecycleState.SHUTDOWN) {
                down.countDown();
              }
            });
    if (member.getLifecycleService().isRunning()) {
      down.await();
    }
    return 0;
  }
}
