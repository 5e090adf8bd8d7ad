package io.swarmgrid.plugin.learning;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmEngineFactory;

/** Makes the {@link LearningEngine}; found by the engine coordinator through ServiceLoader. */
public final class LearningEngineFactory implements SwarmEngineFactory {
  @Override
  public EngineKind kind() {
    return EngineKind.LEARNING;
  }

  @Override
  public SwarmEngine create() {
    return new LearningEngine();
  }
}
