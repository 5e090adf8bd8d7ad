package io.swarmgrid.plugin.engine;

import io.swarmgrid.config.EngineKind;

/**
 * One engine of a SwarmGrid member (consensus, messaging, ...). The {@link EngineCoordinator}
 * starts the engines the config switches on, after the node is registered, and stops them in
 * reverse order before it leaves.
 */
public interface SwarmEngine {
  /** Which engine this is. */
  EngineKind kind();

  /** Starts the engine; called once. A thrown exception stops the member's SwarmGrid start. */
  void start(SwarmNode node);

  /** Stops the engine; called once, also after a failed start of a later engine. */
  void stop();
}
