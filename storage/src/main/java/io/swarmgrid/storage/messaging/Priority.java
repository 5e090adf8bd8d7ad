package io.swarmgrid.storage.messaging;

/** Delivery class of a message. An inbox delivers higher classes first, FIFO within a class. */
public enum Priority {
  /** Delivered before anything else: alerts, safety stops. */
  EMERGENCY,
  /** Before normal traffic: consensus, task assignment. */
  HIGH,
  /** Ordinary traffic. */
  NORMAL,
  /** Background traffic: bulk state sync. */
  LOW
}
