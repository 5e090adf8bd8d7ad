package io.swarmgrid.client.propagation;

import io.swarmgrid.client.ClientNode;
import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationCounts;
import io.swarmgrid.storage.propagation.PropagationStats;
import io.swarmgrid.storage.propagation.StatePublisher;
import io.swarmgrid.storage.propagation.StateSubscriber;
import io.swarmgrid.storage.propagation.StreamHead;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * State streams delivered by interest, priority, quality and bandwidth budget (needs the
 * propagation engine on members, {@code swarmgrid.engines.propagation: true}).
 */
public interface PropagationClient {
  /**
   * A publisher of {@code node}'s states, signing with its key: the first keyframe of a state makes
   * the node its authority, and only it may publish that state afterwards.
   */
  StatePublisher publisher(ClientNode node);

  /**
   * Declares {@code nodeId}'s interest in a state or a pattern ({@code *} matches any run of
   * characters); the node is sent the latest keyframe and delta of each matching stream at once.
   *
   * @throws IllegalArgumentException naming the field and value for an empty key or node
   */
  void declare(String stateIdOrPattern, String nodeId, InterestLevel level);

  /**
   * {@link #declare(String, String, InterestLevel)} with the level by name (critical, high, medium,
   * low, none).
   *
   * @throws IllegalArgumentException naming the value and the known levels if it is none of them
   */
  default void declare(String stateIdOrPattern, String nodeId, String level) {
    declare(stateIdOrPattern, nodeId, InterestLevel.parse(level));
  }

  /** Withdraws {@code nodeId}'s interest in a state or pattern. */
  default void withdraw(String stateIdOrPattern, String nodeId) {
    declare(stateIdOrPattern, nodeId, InterestLevel.NONE);
  }

  /**
   * Gives {@code nodeId} its own budget, bytes per second (0: unlimited), replacing its tier's.
   *
   * @throws IllegalArgumentException naming the value if it is negative or below what carries the
   *     largest delivery ({@code PropagationConfig.minimumBudget})
   */
  void budget(String nodeId, long bytesPerSecond);

  /**
   * Starts delivering {@code mailbox}'s inbox: state deliveries are applied, in order, to the
   * returned subscriber; any other message goes to {@code others}.
   */
  StateSubscriber subscribe(Mailbox mailbox, Consumer<Message> others);

  /** Where a stream stands: its authority, latest keyframe and latest delta. */
  Optional<StreamHead> head(String stateId);

  /** Every member's counters. */
  List<PropagationStats> stats();

  /** A stream's counters summed over the members (latencies: the largest). */
  PropagationCounts streamStats(String stateId);

  /** A target node's counters summed over the members (latencies: the largest). */
  PropagationCounts nodeStats(String nodeId);
}
