package io.swarmgrid.client.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.client.ClientNode;
import io.swarmgrid.client.propagation.PropagationClient;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationCalls;
import io.swarmgrid.storage.propagation.PropagationCounts;
import io.swarmgrid.storage.propagation.PropagationStats;
import io.swarmgrid.storage.propagation.StatePublisher;
import io.swarmgrid.storage.propagation.StateSubscriber;
import io.swarmgrid.storage.propagation.StreamHead;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** {@link PropagationClient} over a Hazelcast client. */
final class HazelcastPropagationClient implements PropagationClient {
  private final HazelcastInstance client;

  HazelcastPropagationClient(HazelcastInstance client) {
    this.client = client;
  }

  @Override
  public StatePublisher publisher(ClientNode node) {
    return new StatePublisher(client, node.nodeId(), node.keys());
  }

  @Override
  public void declare(String stateIdOrPattern, String nodeId, InterestLevel level) {
    PropagationCalls.declare(client, stateIdOrPattern, nodeId, level);
  }

  @Override
  public void budget(String nodeId, long bytesPerSecond) {
    PropagationCalls.budget(client, nodeId, bytesPerSecond);
  }

  @Override
  public StateSubscriber subscribe(Mailbox mailbox, Consumer<Message> others) {
    StateSubscriber subscriber = new StateSubscriber();
    mailbox.subscribe(
        m -> {
          if (!subscriber.accept(m)) {
            others.accept(m);
          }
        });
    return subscriber;
  }

  @Override
  public Optional<StreamHead> head(String stateId) {
    return Optional.ofNullable(
        client.<String, StreamHead>getMap(SwarmMap.STREAMS.mapName()).get(stateId));
  }

  @Override
  public List<PropagationStats> stats() {
    return PropagationCalls.stats(client);
  }

  @Override
  public PropagationCounts streamStats(String stateId) {
    return sum(stateId, PropagationStats::streams);
  }

  @Override
  public PropagationCounts nodeStats(String nodeId) {
    return sum(nodeId, PropagationStats::targets);
  }

  private PropagationCounts sum(
      String key, Function<PropagationStats, List<PropagationCounts>> part) {
    return stats().stream()
        .flatMap(s -> part.apply(s).stream())
        .filter(c -> c.key().equals(key))
        .reduce(PropagationCounts::plus)
        .orElse(new PropagationCounts(key, 0, 0, 0, 0, 0, 0, 0, 0, 0));
  }
}
