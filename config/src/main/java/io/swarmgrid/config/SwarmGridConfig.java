package io.swarmgrid.config;

import java.util.Objects;

/**
 * The whole SwarmGrid configuration of one member: the {@code swarmgrid:} block of {@code
 * swarmgrid.yaml}. Immutable; load it with {@link SwarmGridConfigLoader} or build it with {@link
 * #builder()}.
 *
 * @param node who this node is
 * @param engines which engines run
 * @param storage bounds of the grid maps
 * @param consensus the consensus engine
 * @param fault reputation, quarantine, circuit breakers and recovery
 * @param messaging real-time messaging settings
 * @param regions the other regions and what replicates to them
 * @param diffusion energy-based task diffusion, its topology and the content store
 * @param balancing task assignment and load balancing
 */
public record SwarmGridConfig(
    NodeConfig node,
    EnginesConfig engines,
    StorageConfig storage,
    ConsensusConfig consensus,
    FaultConfig fault,
    MessagingConfig messaging,
    RegionsConfig regions,
    DiffusionConfig diffusion,
    BalancingConfig balancing) {

  /** Validates that no section is missing. */
  public SwarmGridConfig {
    if (node == null) {
      throw new SwarmConfigException("node", null, "a node section");
    }
    engines = engines == null ? EnginesConfig.NONE : engines;
    storage = storage == null ? StorageConfig.DEFAULTS : storage;
    consensus = consensus == null ? ConsensusConfig.DEFAULTS : consensus;
    fault = fault == null ? FaultConfig.DEFAULTS : fault;
    messaging = messaging == null ? MessagingConfig.DEFAULTS : messaging;
    regions = regions == null ? RegionsConfig.DEFAULTS : regions;
    diffusion = diffusion == null ? DiffusionConfig.DEFAULTS : diffusion;
    balancing = balancing == null ? BalancingConfig.DEFAULTS : balancing;
    try {
      regions.checkAgainst(node.region());
    } catch (SwarmConfigException e) {
      throw e.under("regions", "");
    }
  }

  /** The bundled defaults: region {@code default}, tier cloud, no engines. */
  public static SwarmGridConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    return new Builder()
        .node(node)
        .engines(engines)
        .storage(storage)
        .consensus(consensus)
        .fault(fault)
        .messaging(messaging)
        .regions(regions)
        .diffusion(diffusion)
        .balancing(balancing);
  }

  /** Builds a {@link SwarmGridConfig}. */
  public static final class Builder {
    private NodeConfig node = NodeConfig.builder().build();
    private EnginesConfig engines = EnginesConfig.NONE;
    private StorageConfig storage = StorageConfig.DEFAULTS;
    private ConsensusConfig consensus = ConsensusConfig.DEFAULTS;
    private FaultConfig fault = FaultConfig.DEFAULTS;
    private MessagingConfig messaging = MessagingConfig.DEFAULTS;
    private RegionsConfig regions = RegionsConfig.DEFAULTS;
    private DiffusionConfig diffusion = DiffusionConfig.DEFAULTS;
    private BalancingConfig balancing = BalancingConfig.DEFAULTS;

    private Builder() {}

    /** The node section. */
    public Builder node(NodeConfig node) {
      this.node = Objects.requireNonNull(node, "node");
      return this;
    }

    /** The engines section. */
    public Builder engines(EnginesConfig engines) {
      this.engines = Objects.requireNonNull(engines, "engines");
      return this;
    }

    /** The storage section. */
    public Builder storage(StorageConfig storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /** The consensus section. */
    public Builder consensus(ConsensusConfig consensus) {
      this.consensus = Objects.requireNonNull(consensus, "consensus");
      return this;
    }

    /** The fault tolerance section. */
    public Builder fault(FaultConfig fault) {
      this.fault = Objects.requireNonNull(fault, "fault");
      return this;
    }

    /** The messaging section. */
    public Builder messaging(MessagingConfig messaging) {
      this.messaging = Objects.requireNonNull(messaging, "messaging");
      return this;
    }

    /** The regions section. */
    public Builder regions(RegionsConfig regions) {
      this.regions = Objects.requireNonNull(regions, "regions");
      return this;
    }

    /** The diffusion section. */
    public Builder diffusion(DiffusionConfig diffusion) {
      this.diffusion = Objects.requireNonNull(diffusion, "diffusion");
      return this;
    }

    /** The balancing section. */
    public Builder balancing(BalancingConfig balancing) {
      this.balancing = Objects.requireNonNull(balancing, "balancing");
      return this;
    }

    /** The config. */
    public SwarmGridConfig build() {
      return new SwarmGridConfig(
          node, engines, storage, consensus, fault, messaging, regions, diffusion, balancing);
    }
  }
}
