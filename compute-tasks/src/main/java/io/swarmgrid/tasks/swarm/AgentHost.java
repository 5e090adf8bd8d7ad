package io.swarmgrid.tasks.swarm;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What one member offers the agents it steps: the agent types registered on it, member-local
 * objects agents read and write in their steps (snapshots, collectors), and step counters. The
 * swarm engine registers one in the member's services; agent processors find it there.
 */
public final class AgentHost {
  private final Map<String, Supplier<? extends SwarmAgent>> types = new ConcurrentHashMap<>();
  private final Map<String, Object> locals = new ConcurrentHashMap<>();
  private final LongAdder steps = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final AtomicInteger owned = new AtomicInteger();
  private volatile int maxAgents = Integer.MAX_VALUE;

  /** The host of {@code member}, if its swarm engine runs. */
  public static Optional<AgentHost> of(HazelcastInstance member) {
    return SwarmServices.find(member, AgentHost.class);
  }

  /**
   * Registers an agent type: {@code factory} makes an instance for each call.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public void registerType(String name, Supplier<? extends SwarmAgent> factory) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("agent type name: '" + name + "' is blank");
    }
    types.put(name, factory);
  }

  /** A new instance of {@code type}, if registered. */
  public Optional<SwarmAgent> newAgent(String type) {
    Supplier<? extends SwarmAgent> f = types.get(type);
    return f == null ? Optional.empty() : Optional.of(f.get());
  }

  /** The registered type names, sorted. */
  public Set<String> types() {
    return new TreeSet<>(types.keySet());
  }

  /** Puts a member-local object agents read with {@link AgentContext#local}. */
  public void putLocal(String name, Object value) {
    locals.put(name, value);
  }

  /** Removes a member-local object. */
  public void removeLocal(String name) {
    locals.remove(name);
  }

  /** A member-local object, if present and of {@code type}. */
  public <T> Optional<T> local(String name, Class<T> type) {
    Object o = locals.get(name);
    return type.isInstance(o) ? Optional.of(type.cast(o)) : Optional.empty();
  }

  /** Bounds the agents this member may own ({@code swarmgrid.swarm.max-agents-per-member}). */
  public void maxAgents(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max-agents-per-member: " + max + " is below 1");
    }
    maxAgents = max;
  }

  /** The bound on agents this member may own. */
  public int maxAgents() {
    return maxAgents;
  }

  /** Sets how many agents this member owns (counted once per tick). */
  public void ownedAgents(int count) {
    owned.set(count);
  }

  /**
   * Counts one more agent owned here, unless that would pass the bound (then false). Adds between
   * two ticks are counted here, so a burst of adds cannot pass the bound before the next count.
   */
  public boolean admitAgent() {
    while (true) {
      int now = owned.get();
      if (now >= maxAgents) {
        return false;
      }
      if (owned.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Counts a step run on this member. */
  public void countStep() {
    steps.increment();
  }

  /** Counts an agent that failed on this member. */
  public void countFailure() {
    failures.increment();
  }

  /** Steps run on this member so far. */
  public long steps() {
    return steps.sum();
  }

  /** Agents failed on this member so far. */
  public long failures() {
    return failures.sum();
  }
}
