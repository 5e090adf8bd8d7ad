package io.swarmgrid.plugin.consensus;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmEngineFactory;

/** Makes the {@link ConsensusEngine}; found by the engine coordinator through ServiceLoader. */
public final class ConsensusEngineFactory implements SwarmEngineFactory {
  @Override
  public EngineKind kind() {
    return EngineKind.CONSENSUS;
  }

  @Override
  public SwarmEngine create() {
    return new ConsensusEngine();
  }
}
