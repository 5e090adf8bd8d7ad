package io.swarmgrid.plugin.propagation;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmEngineFactory;

/** Makes the {@link PropagationEngine}; found by the engine coordinator through ServiceLoader. */
public final class PropagationEngineFactory implements SwarmEngineFactory {
  @Override
  public EngineKind kind() {
    return EngineKind.PROPAGATION;
  }

  @Override
  public SwarmEngine create() {
    return new PropagationEngine();
  }
}
