package io.swarmgrid.plugin.balance;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmEngineFactory;

/** Makes the {@link BalanceEngine}; listed in {@code META-INF/services}. */
public final class BalanceEngineFactory implements SwarmEngineFactory {
  @Override
  public EngineKind kind() {
    return EngineKind.BALANCE;
  }

  @Override
  public SwarmEngine create() {
    return new BalanceEngine();
  }
}
