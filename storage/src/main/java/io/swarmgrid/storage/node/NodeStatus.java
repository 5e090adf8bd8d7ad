package io.swarmgrid.storage.node;

/** Whether a registered node is in the swarm. */
public enum NodeStatus {
  /** Registered and heart-beating. */
  ACTIVE,
  /** Left the swarm (graceful shutdown, or its member was lost). */
  GONE
}
