package io.swarmgrid.storage.swarm;

/** Where an agent is in its life. */
public enum AgentStatus {
  /** Added; its {@code start} runs on its first step. */
  NEW,
  /** Stepped once per tick by the member that owns its partition. */
  ACTIVE,
  /** Kept, not stepped. */
  PAUSED,
  /** Its type is not registered on the member that owns it, or a step threw: see lastError. */
  FAILED
}
