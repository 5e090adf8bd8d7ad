package io.swarmgrid.deploy.cluster.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one member's link proxy needs, written by {@code cluster start} into the node's directory as
 * {@code link-proxy.json}.
 *
 * @param node the node the proxy stands in front of
 * @param listenPort the port it listens on: the member's advertised (public) port
 * @param memberPort the port the member itself binds
 * @param rulesFile the cluster's {@code network-rules.json}
 * @param seenFile where the proxy writes what it applied ({@code network-seen.json})
 * @param outboundPorts each node's outbound port range, by node name: how the proxy tells which
 *     node a connection comes from
 */
public record LinkProxySetup(
    String node,
    int listenPort,
    int memberPort,
    String rulesFile,
    String seenFile,
    Map<String, PortRange> outboundPorts) {

  /** The file's name in a node's directory. */
  public static final String FILE = "link-proxy.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An inclusive port range.
   *
   * @param first the first port
   * @param last the last port
   */
  public record PortRange(int first, int last) {
    /** Whether {@code port} is in it. */
    public boolean contains(int port) {
      return port >= first && port <= last;
    }

    /** {@code first-last}, as Hazelcast's {@code outbound-ports} takes it. */
    public String text() {
      return first + "-" + last;
    }
  }

  public LinkProxySetup {
    outboundPorts = Map.copyOf(outboundPorts);
  }

  /** The node whose outbound range holds {@code port}, or null (a client, or a stranger). */
  public String nodeOf(int port) {
    return outboundPorts.entrySet().stream()
        .filter(e -> e.getValue().contains(port))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  /** Reads a setup file. */
  public static LinkProxySetup read(Path file) {
    try {
      return JSON.readValue(file.toFile(), LinkProxySetup.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes this setup to {@code file}. */
  public void write(Path file) {
    try {
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
