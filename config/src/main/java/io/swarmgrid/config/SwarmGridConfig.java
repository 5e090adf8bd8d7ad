package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.required;

import java.util.Objects;

/**
 * The whole SwarmGrid configuration of one member: the {@code swarmgrid:} block of {@code
 * swarmgrid.yaml}. Immutable; load it with {@link SwarmGridConfigLoader} or build it with {@link
 * #custom()}.
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
 * @param http the HTTP API, health probes, metrics and dashboard
 * @param monitoring self-monitoring: each member's log checked, alerts by consensus
 * @param swarm the swarm engine: tick, agent bound, particle swarms' adoption decisions
 * @param propagation interest-based state propagation under bandwidth budgets
 * @param learning distributed learning: training jobs' defaults, rounds' attempts and timeouts
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
    BalanceConfig balance,
    HttpConfig http,
    MonitoringConfig monitoring,
    SwarmConfig swarm,
    PropagationConfig propagation,
    TrainingConfig learning) {

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
    balance = balance == null ? BalanceConfig.DEFAULTS : balance;
    http = http == null ? HttpConfig.DEFAULTS : http;
    monitoring = monitoring == null ? MonitoringConfig.DEFAULTS : monitoring;
    swarm = swarm == null ? SwarmConfig.DEFAULTS : swarm;
    propagation = propagation == null ? PropagationConfig.DEFAULTS : propagation;
    learning = learning == null ? TrainingConfig.DEFAULTS : learning;
    try {
      regions.checkAgainst(node.region());
    } catch (SwarmConfigException e) {
      throw e.under("regions", "");
    }
  }

  /** The bundled defaults: region {@code default}, tier cloud, no engines. */
  public static SwarmGridConfig ofDefaults() {
    return custom().build();
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** A builder starting from {@code base}. */
  public static Builder from(SwarmGridConfig base) {
    Objects.requireNonNull(base, "base");
    return new Builder()
        .node(base.node)
        .engines(base.engines)
        .storage(base.storage)
        .consensus(base.consensus)
        .fault(base.fault)
        .messaging(base.messaging)
        .regions(base.regions)
        .diffusion(base.diffusion)
        .balance(base.balance)
        .http(base.http)
        .monitoring(base.monitoring)
        .swarm(base.swarm)
        .propagation(base.propagation)
        .learning(base.learning);
  }

  /** Builds a {@link SwarmGridConfig}; a missing section is refused at once. */
  public static final class Builder {
    private static final String PATH = "swarmgrid";

    private NodeConfig node = NodeConfig.DEFAULTS;
    private EnginesConfig engines = EnginesConfig.DEFAULTS;
    private StorageConfig storage = StorageConfig.DEFAULTS;
    private ConsensusConfig consensus = ConsensusConfig.DEFAULTS;
    private FaultConfig fault = FaultConfig.DEFAULTS;
    private MessagingConfig messaging = MessagingConfig.DEFAULTS;
    private RegionsConfig regions = RegionsConfig.DEFAULTS;
    private DiffusionConfig diffusion = DiffusionConfig.DEFAULTS;
    private BalanceConfig balance = BalanceConfig.DEFAULTS;
    private HttpConfig http = HttpConfig.DEFAULTS;
    private MonitoringConfig monitoring = MonitoringConfig.DEFAULTS;
    private SwarmConfig swarm = SwarmConfig.DEFAULTS;
    private PropagationConfig propagation = PropagationConfig.DEFAULTS;
    private TrainingConfig learning = TrainingConfig.DEFAULTS;

    private Builder() {}

    /** The node section. */
    public Builder node(NodeConfig node) {
      this.node = required(PATH + ".node", node, "a node section");
      return this;
    }

    /** The engines section. */
    public Builder engines(EnginesConfig engines) {
      this.engines = required(PATH + ".engines", engines, "a engines section");
      return this;
    }

    /** The storage section. */
    public Builder storage(StorageConfig storage) {
      this.storage = required(PATH + ".storage", storage, "a storage section");
      return this;
    }

    /** The consensus section. */
    public Builder consensus(ConsensusConfig consensus) {
      this.consensus = required(PATH + ".consensus", consensus, "a consensus section");
      return this;
    }

    /** The fault tolerance section. */
    public Builder fault(FaultConfig fault) {
      this.fault = required(PATH + ".fault", fault, "a fault section");
      return this;
    }

    /** The messaging section. */
    public Builder messaging(MessagingConfig messaging) {
      this.messaging = required(PATH + ".messaging", messaging, "a messaging section");
      return this;
    }

    /** The regions section. */
    public Builder regions(RegionsConfig regions) {
      this.regions = required(PATH + ".regions", regions, "a regions section");
      return this;
    }

    /** The diffusion section. */
    public Builder diffusion(DiffusionConfig diffusion) {
      this.diffusion = required(PATH + ".diffusion", diffusion, "a diffusion section");
      return this;
    }

    /** The balance section. */
    public Builder balance(BalanceConfig balance) {
      this.balance = required(PATH + ".balance", balance, "a balance section");
      return this;
    }

    /** The HTTP section. */
    public Builder http(HttpConfig http) {
      this.http = required(PATH + ".http", http, "a http section");
      return this;
    }

    /** The monitoring section. */
    public Builder monitoring(MonitoringConfig monitoring) {
      this.monitoring = required(PATH + ".monitoring", monitoring, "a monitoring section");
      return this;
    }

    /** The swarm section. */
    public Builder swarm(SwarmConfig swarm) {
      this.swarm = required(PATH + ".swarm", swarm, "a swarm section");
      return this;
    }

    /** The propagation section. */
    public Builder propagation(PropagationConfig propagation) {
      this.propagation = required(PATH + ".propagation", propagation, "a propagation section");
      return this;
    }

    /** The distributed learning section. */
    public Builder learning(TrainingConfig learning) {
      this.learning = required(PATH + ".learning", learning, "a learning section");
      return this;
    }

    /** The config; regions and placements are checked against the node's region. */
    public SwarmGridConfig build() {
      try {
        return new SwarmGridConfig(
            node,
            engines,
            storage,
            consensus,
            fault,
            messaging,
            regions,
            diffusion,
            balance,
            http,
            monitoring,
            swarm,
            propagation,
            learning);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
