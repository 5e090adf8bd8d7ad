package io.swarmgrid.plugin.region;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmEngineFactory;

/** Makes the {@link RegionEngine}; listed in {@code META-INF/services}. */
public final class RegionEngineFactory implements SwarmEngineFactory {
  @Override
  public EngineKind kind() {
    return EngineKind.REGION;
  }

  @Override
  public SwarmEngine create() {
    return new RegionEngine();
  }
}
