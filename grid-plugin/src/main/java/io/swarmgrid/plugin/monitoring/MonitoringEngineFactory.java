package io.swarmgrid.plugin.monitoring;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmEngineFactory;

/** Makes the {@link MonitoringEngine}; found by the engine coordinator through ServiceLoader. */
public final class MonitoringEngineFactory implements SwarmEngineFactory {
  @Override
  public EngineKind kind() {
    return EngineKind.MONITORING;
  }

  @Override
  public SwarmEngine create() {
    return new MonitoringEngine();
  }
}
