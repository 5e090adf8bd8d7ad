package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.name;
import static io.swarmgrid.config.internal.Checks.nonBlank;
import static io.swarmgrid.config.internal.Checks.optionalName;
import static io.swarmgrid.config.internal.Checks.range;
import static io.swarmgrid.config.internal.Checks.required;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who this node is in the swarm.
 *
 * @param id node id; empty means derive it from the member's address ({@code member-HOST-PORT})
 * @param region the region (a Hazelcast cluster) this node belongs to
 * @param tier edge, edge-server or cloud
 * @param capabilities named capabilities, e.g. {@code gpu}, {@code tribuo}, {@code camera}
 * @param capacity resources offered
 * @param keyFile file holding this node's Ed25519 private key; {@code {node-id}} is replaced by the
 *     id. Created with a fresh key on first start; the key never leaves the node.
 * @param heartbeatSeconds how often the node refreshes its "last seen" time in the registry,
 *     1..3600
 */
public record NodeConfig(
    String id,
    String region,
    NodeTier tier,
    List<String> capabilities,
    Capacity capacity,
    String keyFile,
    int heartbeatSeconds) {

  /** Default key file, relative to the working directory. */
  public static final String DEFAULT_KEY_FILE = ".swarmgrid/keys/{node-id}.key";

  /** Default heartbeat period in seconds. */
  public static final int DEFAULT_HEARTBEAT_SECONDS = 5;

  /** The defaults: id derived from the member, region {@code default}, tier cloud. */
  public static final NodeConfig DEFAULTS =
      new NodeConfig(
          "",
          "default",
          NodeTier.CLOUD,
          List.of(),
          Capacity.DETECT,
          DEFAULT_KEY_FILE,
          DEFAULT_HEARTBEAT_SECONDS);

  /** Validates every field. */
  public NodeConfig {
    optionalName("id", id);
    id = id == null ? "" : id;
    name("region", region);
    if (tier == null) {
      throw new SwarmConfigException("tier", null, NodeTier.allowedNames());
    }
    capabilities = List.copyOf(capabilities == null ? List.of() : capabilities);
    for (int i = 0; i < capabilities.size(); i++) {
      name("capabilities[" + i + "]", capabilities.get(i));
    }
    capacity = capacity == null ? Capacity.DETECT : capacity;
    nonBlank("key-file", keyFile);
    range("heartbeat-seconds", heartbeatSeconds, 1, 3600);
  }

  /** The key file for a node with the given id. */
  public Path keyFileFor(String nodeId) {
    return Path.of(keyFile.replace("{node-id}", nodeId));
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(NodeConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static NodeConfig ofDefaults() {
    return DEFAULTS;
  }

  /** Builds a {@link NodeConfig}; every setter rejects a bad value at once. */
  public static final class Builder {
    private static final String PATH = "swarmgrid.node";

    private String id;
    private String region;
    private NodeTier tier;
    private List<String> capabilities;
    private Capacity capacity;
    private String keyFile;
    private int heartbeatSeconds;

    private Builder(NodeConfig c) {
      id = c.id;
      region = c.region;
      tier = c.tier;
      capabilities = new ArrayList<>(c.capabilities);
      capacity = c.capacity;
      keyFile = c.keyFile;
      heartbeatSeconds = c.heartbeatSeconds;
    }

    /** Node id; empty derives it from the member address. */
    public Builder id(String id) {
      this.id = optionalName(PATH + ".id", id);
      return this;
    }

    /** Region name. Default {@code default}. */
    public Builder region(String region) {
      this.region = name(PATH + ".region", region);
      return this;
    }

    /** Tier. Default {@link NodeTier#CLOUD}. */
    public Builder tier(NodeTier tier) {
      this.tier = required(PATH + ".tier", tier, NodeTier.allowedNames());
      return this;
    }

    /** Adds a named capability. */
    public Builder capability(String capability) {
      capabilities.add(name(PATH + ".capabilities[" + capabilities.size() + "]", capability));
      return this;
    }

    /** Exactly these capabilities. */
    public Builder capabilities(List<String> capabilities) {
      List<String> given = required(PATH + ".capabilities", capabilities, "a list of names");
      List<String> checked = new ArrayList<>();
      for (int i = 0; i < given.size(); i++) {
        checked.add(name(PATH + ".capabilities[" + i + "]", given.get(i)));
      }
      this.capabilities = checked;
      return this;
    }

    /** Resources offered. Default: detect. */
    public Builder capacity(Capacity capacity) {
      this.capacity = required(PATH + ".capacity", capacity, "a capacity section");
      return this;
    }

    /** Private key file; {@code {node-id}} is replaced by the id. */
    public Builder keyFile(String keyFile) {
      this.keyFile = nonBlank(PATH + ".key-file", keyFile);
      return this;
    }

    /** Heartbeat period in seconds, 1..3600. */
    public Builder heartbeatSeconds(int seconds) {
      this.heartbeatSeconds = range(PATH + ".heartbeat-seconds", seconds, 1, 3600);
      return this;
    }

    /** The config. */
    public NodeConfig build() {
      return new NodeConfig(id, region, tier, capabilities, capacity, keyFile, heartbeatSeconds);
    }
  }
}
