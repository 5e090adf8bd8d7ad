package io.swarmgrid.plugin.swarm;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmEngineFactory;

/** Makes the {@link SwarmAgentEngine}; found by the engine coordinator through ServiceLoader. */
public final class SwarmAgentEngineFactory implements SwarmEngineFactory {
  @Override
  public EngineKind kind() {
    return EngineKind.SWARM;
  }

  @Override
  public SwarmEngine create() {
    return new SwarmAgentEngine();
  }
}
