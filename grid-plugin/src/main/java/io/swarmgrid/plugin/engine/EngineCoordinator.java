package io.swarmgrid.plugin.engine;

import io.swarmgrid.config.EngineKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the engines of one member: starts those the config switches on and that this build
 * provides, reports which are running and which were asked for but are not available, and stops
 * them in reverse start order.
 */
public final class EngineCoordinator {
  private static final Logger LOG = LoggerFactory.getLogger(EngineCoordinator.class);

  private final Map<EngineKind, SwarmEngineFactory> factories;
  private final List<SwarmEngine> running = new ArrayList<>();
  private final Set<EngineKind> unavailable = EnumSet.noneOf(EngineKind.class);

  /** A coordinator over the factories found on the class path. */
  public EngineCoordinator() {
    this(
        ServiceLoader.load(SwarmEngineFactory.class, EngineCoordinator.class.getClassLoader())
            .stream()
            .map(ServiceLoader.Provider::get)
            .toList());
  }

  /** A coordinator over the given factories (one per kind). */
  public EngineCoordinator(List<SwarmEngineFactory> available) {
    Map<EngineKind, SwarmEngineFactory> byKind = new EnumMap<>(EngineKind.class);
    for (SwarmEngineFactory f : available) {
      SwarmEngineFactory previous = byKind.put(f.kind(), f);
      if (previous != null) {
        throw new IllegalStateException(
            "two factories for engine "
                + f.kind().key()
                + ": "
                + previous.getClass().getName()
                + " and "
                + f.getClass().getName());
      }
    }
    this.factories = byKind;
  }

  /** The engines this build provides. */
  public Set<EngineKind> available() {
    EnumSet<EngineKind> kinds = EnumSet.noneOf(EngineKind.class);
    kinds.addAll(factories.keySet());
    return kinds;
  }

  /**
   * Starts every engine of {@code wanted} that this build provides, in {@link EngineKind} order. If
   * one fails to start, those already started are stopped and the failure is thrown.
   */
  public synchronized void start(Set<EngineKind> wanted, SwarmNode node) {
    EnumSet<EngineKind> inOrder = EnumSet.noneOf(EngineKind.class);
    inOrder.addAll(wanted);
    for (EngineKind kind : inOrder) {
      SwarmEngineFactory factory = factories.get(kind);
      if (factory == null) {
        unavailable.add(kind);
        LOG.warn(
            "engine {} is switched on in swarmgrid.engines but this build has no such engine",
            kind.key());
        continue;
      }
      SwarmEngine engine = factory.create();
      try {
        engine.start(node);
      } catch (RuntimeException e) {
        stop();
        throw new IllegalStateException(
            "engine " + kind.key() + " failed to start: " + e.getMessage(), e);
      }
      running.add(engine);
    }
  }

  /** The engines running now. */
  public synchronized Set<EngineKind> running() {
    EnumSet<EngineKind> kinds = EnumSet.noneOf(EngineKind.class);
    running.forEach(e -> kinds.add(e.kind()));
    return kinds;
  }

  /** The running engine of type {@code type}, if any. */
  public synchronized <T extends SwarmEngine> java.util.Optional<T> engine(Class<T> type) {
    return running.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** Engines switched on in the config that this build does not provide. */
  public synchronized Set<EngineKind> unavailable() {
    EnumSet<EngineKind> copy = EnumSet.noneOf(EngineKind.class);
    copy.addAll(unavailable);
    return Collections.unmodifiableSet(copy);
  }

  /**
   * Stops the running engines, newest first; a failure of one is logged and the rest still stop.
   */
  public synchronized void stop() {
    for (int i = running.size() - 1; i >= 0; i--) {
      SwarmEngine engine = running.get(i);
      try {
        engine.stop();
      } catch (RuntimeException e) {
        LOG.warn("engine {} failed to stop cleanly", engine.kind().key(), e);
      }
    }
    running.clear();
  }
}
