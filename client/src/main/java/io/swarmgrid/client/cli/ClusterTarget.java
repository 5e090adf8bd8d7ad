package io.swarmgrid.client.cli;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where a command finds the cluster: {@code --cluster}, {@code --address} and {@code --timeout}; by
 * default the cluster {@code ./swarmgrid demo} starts. A picocli mixin, shared by every command
 * that connects.
 */
public final class ClusterTarget {
  /** Cluster name of {@code ./swarmgrid demo}. */
  public static final String DEMO_CLUSTER = "swarmgrid-demo";

  /** Address of the demo's first member. */
  public static final String DEMO_ADDRESS = "127.0.0.1:5701";

  private static final int PROBE_MILLIS = 1_000;

  @Option(
      names = "--cluster",
      defaultValue = DEMO_CLUSTER,
      paramLabel = "NAME",
      description = "Cluster name (default: ${DEFAULT-VALUE}, the demo's).")
  String cluster;

  @Option(
      names = "--address",
      defaultValue = DEMO_ADDRESS,
      split = ",",
      paramLabel = "HOST:PORT",
      description = "Member addresses, comma-separated (default: ${DEFAULT-VALUE}).")
  List<String> addresses;

  @Option(
      names = "--timeout",
      defaultValue = "10",
      paramLabel = "SECONDS",
      description = "How long to try to connect (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  /**
   * Connects, or fails with one line that says why: nobody answers at the addresses, or a member
   * answers but not under this cluster name.
   *
   * @throws IllegalArgumentException if an option's value is not usable (a usage error)
   * @throws IllegalStateException if the cluster cannot be reached
   */
  public SwarmClient connect() {
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException(
          "--timeout: '" + timeoutSeconds + "' is not allowed; allowed: 1 second or more");
    }
    SwarmClientConfig config;
    try {
      config = new SwarmClientConfig(cluster, addresses, timeoutSeconds * 1_000L);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--cluster/--address: " + e.getMessage(), e);
    }
    try {
      return SwarmClient.connect(config);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(explain(), e);
    }
  }

  /**
   * The client only says "unable to connect"; a plain TCP probe tells the two usual causes apart.
   */
  private String explain() {
    for (String address : addresses) {
      if (answers(address)) {
        return "no cluster named '"
            + cluster
            + "' at "
            + address
            + ": a member answers there but under another cluster name (wrong --cluster?"
            + " the demo's is '"
            + DEMO_CLUSTER
            + "')";
      }
    }
    return "cannot reach cluster '"
        + cluster
        + "': nothing answers at "
        + String.join(", ", addresses)
        + " within "
        + timeoutSeconds
        + " s (is it running? start one with ./swarmgrid demo)";
  }

  private static boolean answers(String address) {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      return false;
    }
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
          PROBE_MILLIS);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
