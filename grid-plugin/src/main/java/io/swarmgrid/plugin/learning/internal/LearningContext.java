package io.swarmgrid.plugin.learning.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.swarmgrid.config.TrainingConfig;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.learning.LearningStore;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.reputation.ReputationStore;

/** What the learning engine's roles share on one member. */
public final class LearningContext {
  /** The executor that carries training and vote calls between members. */
  static final String EXECUTOR = "swarm.learning";

  private final SwarmNode node;
  private final LearningStore store;
  private final NodeRegistry registry;
  private final ReputationStore reputations;
  private final Participants participants;
  private final LearningMetrics metrics;

  /** The context of {@code node}. */
  public LearningContext(SwarmNode node) {
    this.node = node;
    this.store = new LearningStore(node.hazelcast());
    this.registry = new NodeRegistry(node.hazelcast());
    this.reputations = new ReputationStore(node.hazelcast());
    this.participants = new Participants(node, registry);
    this.metrics = new LearningMetrics(node.meters());
  }

  /** This member's {@code swarmgrid.learning} section. */
  TrainingConfig config() {
    return node.config().learning();
  }

  SwarmNode node() {
    return node;
  }

  HazelcastInstance hz() {
    return node.hazelcast();
  }

  LearningStore store() {
    return store;
  }

  NodeRegistry registry() {
    return registry;
  }

  ReputationStore reputations() {
    return reputations;
  }

  Participants participants() {
    return participants;
  }

  LearningMetrics metrics() {
    return metrics;
  }

  IExecutorService executor() {
    return node.hazelcast().getExecutorService(EXECUTOR);
  }
}
