package io.swarmgrid.plugin.diffusion;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmEngineFactory;

/** Makes the {@link DiffusionEngine}; listed in {@code META-INF/services}. */
public final class DiffusionEngineFactory implements SwarmEngineFactory {
  @Override
  public EngineKind kind() {
    return EngineKind.DIFFUSION;
  }

  @Override
  public SwarmEngine create() {
    return new DiffusionEngine();
  }
}
