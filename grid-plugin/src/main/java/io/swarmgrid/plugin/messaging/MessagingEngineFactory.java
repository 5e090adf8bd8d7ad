package io.swarmgrid.plugin.messaging;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmEngineFactory;

/** Makes the {@link MessagingEngine}; listed for {@link java.util.ServiceLoader}. */
public final class MessagingEngineFactory implements SwarmEngineFactory {
  @Override
  public EngineKind kind() {
    return EngineKind.MESSAGING;
  }

  @Override
  public SwarmEngine create() {
    return new MessagingEngine();
  }
}
