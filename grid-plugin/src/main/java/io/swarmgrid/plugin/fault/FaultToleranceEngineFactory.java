package io.swarmgrid.plugin.fault;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmEngineFactory;

/** Makes the {@link FaultToleranceEngine}; listed in {@code META-INF/services}. */
public final class FaultToleranceEngineFactory implements SwarmEngineFactory {
  @Override
  public EngineKind kind() {
    return EngineKind.FAULT;
  }

  @Override
  public SwarmEngine create() {
    return new FaultToleranceEngine();
  }
}
