package io.swarmgrid.storage.consensus;

/** What a proposal decides. The learned success model keeps a separate rule per type. */
public enum DecisionType {
  /** Which node takes a task. */
  TASK_ASSIGNMENT,
  /** Who gets a share of a resource. */
  RESOURCE_ALLOCATION,
  /** Whether a model version replaces the current one. */
  MODEL_UPDATE,
  /** A change to the swarm's configuration. */
  CONFIGURATION_CHANGE,
  /** An emergency action. */
  EMERGENCY,
  /** A collective action of swarm agents. */
  SWARM_ACTION,
  /** Anything else. */
  OTHER
}
