package io.swarmgrid.deploy;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import io.swarmgrid.config.SwarmConfigException;
import io.swarmgrid.config.SwarmGridConfigLoader;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts one member from a {@code hazelcast.yaml} and, optionally, a {@code swarmgrid.yaml}: {@code
 * java -jar swarmgrid-member.jar --hazelcast hazelcast.yaml [--swarmgrid swarmgrid.yaml]}. The
 * member runs SwarmGrid if its {@code hazelcast.yaml} names {@code
 * io.swarmgrid.plugin.SwarmGridBootstrap} under {@code listeners:}; otherwise it is a plain
 * Hazelcast member. Exit code 2 means bad arguments or config.
 */
public final class MemberMain {
  private MemberMain() {}

  /** Runs the member until it is shut down (SIGTERM shuts it down gracefully). */
  public static void main(String[] args) throws FileNotFoundException {
    Path hazelcastYaml = null;
    Path swarmgridYaml = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--hazelcast" -> hazelcastYaml = Path.of(value(args, ++i, "--hazelcast"));
        case "--swarmgrid" -> swarmgridYaml = Path.of(value(args, ++i, "--swarmgrid"));
        case "-h", "--help" -> {
          System.out.println(
              "usage: swarmgrid-member --hazelcast hazelcast.yaml [--swarmgrid swarmgrid.yaml]");
          return;
        }
        default ->
            fail("unknown argument '" + args[i] + "'; usage: --hazelcast FILE [--swarmgrid FILE]");
      }
    }
    if (hazelcastYaml == null) {
      fail("--hazelcast FILE is required");
    }
    if (!Files.isRegularFile(hazelcastYaml)) {
      fail("--hazelcast: '" + hazelcastYaml + "' is not a readable file");
    }
    if (swarmgridYaml != null) {
      try {
        SwarmGridConfigLoader.fromFile(swarmgridYaml);
      } catch (SwarmConfigException e) {
        fail(e.getMessage());
      }
      System.setProperty(
          SwarmGridConfigLoader.CONFIG_PROPERTY, swarmgridYaml.toAbsolutePath().toString());
    }
    System.setProperty(
        "hazelcast.logging.type", System.getProperty("hazelcast.logging.type", "slf4j"));
    // Let a SIGTERM migrate partitions away and mark the node gone, rather than vanish.
    System.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
    Config config = Config.loadFromFile(hazelcastYaml.toFile());
    Hazelcast.newHazelcastInstance(config);
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      fail(flag + " needs a file");
    }
    return args[i];
  }

  private static void fail(String message) {
    System.err.println("swarmgrid-member: " + message);
    System.exit(2);
  }
}
