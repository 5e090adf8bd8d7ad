package io.swarmgrid.plugin.engine;

import io.swarmgrid.config.EngineKind;

/**
 * Makes an engine. Factories are found with {@link java.util.ServiceLoader}: a jar that provides an
 * engine lists its factory in {@code
 * META-INF/services/io.swarmgrid.plugin.engine.SwarmEngineFactory}.
 */
public interface SwarmEngineFactory {
  /** The engine this factory makes. */
  EngineKind kind();

  /** A new, not yet started engine. */
  SwarmEngine create();
}
