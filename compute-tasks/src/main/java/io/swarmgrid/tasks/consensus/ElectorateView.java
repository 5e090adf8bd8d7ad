package io.swarmgrid.tasks.consensus;

import io.swarmgrid.storage.node.NodeInfo;
import java.util.List;
import java.util.Optional;

/**
 * A member-local copy of the node registry and the reputations, kept fresh by the consensus engine,
 * so that a proposal can take its electorate on the partition thread without a remote read. A node
 * the copy does not know yet (just registered) is looked up the slow way ({@link ProposeTask}).
 */
public interface ElectorateView {
  /** The node as last seen, if the copy knows it. */
  Optional<NodeInfo> node(String nodeId);

  /** The active nodes, by id. */
  List<NodeInfo> active();

  /** The node's vote weight (its reputation; 0 when quarantined, 1.0 with no record). */
  double voteWeight(String nodeId);
}
