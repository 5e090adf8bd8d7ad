package io.swarmgrid.storage.runtime;

import com.hazelcast.core.HazelcastInstance;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The services of one member, found by type: engines, the config, the hooks that entry processors
 * and tasks call. One registry per member, kept in the member's user context under a single key, so
 * that code running next to the data ({@link com.hazelcast.core.HazelcastInstanceAware} entry
 * processors and tasks) finds them with the same call as the engines do.
 *
 * <p>A service is registered under the types callers ask for (an engine may be registered as its
 * own class and as an interface it implements); {@link #remove} takes it out only if it is still
 * the one registered, so that a stopping engine cannot remove its successor.
 */
public final class SwarmServices {
  private static final String USER_CONTEXT_KEY = "swarmgrid.services";

  /** How long {@link #awaitStarting} waits for the engines of a member that is starting. */
  private static final long STARTING_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

  private SwarmServices() {}

  /** The registry of {@code member}, made on first use. */
  public static SwarmServices of(HazelcastInstance member) {
    return (SwarmServices)
        member.getUserContext().computeIfAbsent(USER_CONTEXT_KEY, k -> new SwarmServices());
  }

  /** The service of type {@code type} in {@code member}, if one is registered. */
  public static <T> Optional<T> find(HazelcastInstance member, Class<T> type) {
    return of(member).get(type);
  }

  /**
   * The service of type {@code type} in {@code member}, waiting up to {@link #STARTING_NANOS} for
   * one while the member runs: a member joins as soon as Hazelcast runs and its engines start
   * after, so a call that reaches it meanwhile would fail (a declaration, a proposal right after
   * the cluster formed). Empty if none came, or the member is shutting down.
   */
  public static <T> Optional<T> awaitStarting(HazelcastInstance member, Class<T> type) {
    long until = System.nanoTime() + STARTING_NANOS;
    Optional<T> service = find(member, type);
    while (service.isEmpty()
        && System.nanoTime() < until
        && member.getLifecycleService().isRunning()) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      service = find(member, type);
    }
    return service;
  }

  /**
   * The service of type {@code type} in {@code member}.
   *
   * @throws IllegalStateException naming the type and the member when none is registered, with
   *     {@code why} (for example which config switch starts it)
   */
  public static <T> T require(HazelcastInstance member, Class<T> type, String why) {
    return find(member, type)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no "
                        + type.getSimpleName()
                        + " on member "
                        + member.getName()
                        + (why.isEmpty() ? "" : " (" + why + ")")));
  }

  /** Registers {@code service} under {@code type}, replacing any other. */
  public <T> void put(Class<T> type, T service) {
    services.put(type, type.cast(Objects.requireNonNull(service, "service")));
  }

  /** Removes the service of {@code type} if it is still {@code service}. */
  public <T> void remove(Class<T> type, T service) {
    services.remove(type, service);
  }

  /** The service of type {@code type}, if one is registered. */
  public <T> Optional<T> get(Class<T> type) {
    return Optional.ofNullable(type.cast(services.get(type)));
  }
}
