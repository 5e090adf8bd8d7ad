package io.swarmgrid.plugin.swarm.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.plugin.swarm.Tick;
import io.swarmgrid.plugin.swarm.TickListener;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.swarm.AgentHost;
import io.swarmgrid.tasks.swarm.StepRound;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Steps this member's agents once per tick. A tick is the cluster time floored to the tick period,
 * so every member agrees on it; the step processor refuses a tick an agent has already had, which
 * is what keeps an agent that migrated (or whose member died mid-tick) from a second step.
 */
public final class AgentTicker {

  private final HazelcastInstance hz;
  private final AgentHost host;
  private final SwarmAgents agents;
  private final List<TickListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong lastTick = new AtomicLong(-1);
  private final AtomicLong ticks = new AtomicLong();
  private volatile long tickMillis;
  private volatile int lastLocalAgents;
  private ScheduledExecutorService scheduler;

  /**
   * A ticker of {@code hz}'s local agents, every {@code tickMillis}; counts them in {@code host}.
   */
  public AgentTicker(HazelcastInstance hz, AgentHost host, long tickMillis) {
    this.hz = hz;
    this.host = host;
    this.agents = new SwarmAgents(hz);
    this.tickMillis = tickMillis;
  }

  /** Starts ticking on a thread of its own. */
  public void start() {
    scheduler = SwarmThreads.scheduler("swarmgrid-swarm-" + hz.getName());
    scheduler.scheduleWithFixedDelay(this::tickQuietly, 0, 1, TimeUnit.MILLISECONDS);
  }

  /** Stops ticking. */
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  /** Changes the tick period (millis, at least 1). */
  public void tickMillis(long millis) {
    if (millis < 1) {
      throw new IllegalArgumentException("tickMillis: " + millis + " is below 1");
    }
    this.tickMillis = millis;
  }

  /** The tick period, millis. */
  public long tickMillis() {
    return tickMillis;
  }

  /** Adds a listener called around every tick. */
  public void addListener(TickListener listener) {
    listeners.add(listener);
  }

  /** Removes a listener. */
  public void removeListener(TickListener listener) {
    listeners.remove(listener);
  }

  /** Ticks stepped. */
  public long ticks() {
    return ticks.get();
  }

  /** The last tick stepped. */
  public long lastTick() {
    return lastTick.get();
  }

  /** Agents owned by this member at the last tick. */
  public int localAgents() {
    return lastLocalAgents;
  }

  private void tickQuietly() {
    try {
      long period = tickMillis;
      long now = hz.getCluster().getClusterTime();
      // Ticks are cluster times floored to the period, so they increase across period changes.
      long at = now - Math.floorMod(now, period);
      if (at <= lastTick.get()) {
        Thread.sleep(Math.max(0, Math.min(at + period - now, 50)));
        return;
      }
      lastTick.set(at);
      runTick(new Tick(at, period));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // Stopping (the engine or the member) interrupts a tick in flight: nothing to report.
      boolean stopping = e.getCause() instanceof InterruptedException || scheduler.isShutdown();
      if (!stopping && hz.getLifecycleService().isRunning()) {
        BackgroundFailures.report("swarm.tick", hz.getName(), e);
      }
    }
  }

  private void runTick(Tick tick) {
    for (TickListener l : listeners) {
      l.beforeTick(tick);
    }
    var keys = agents.localKeys();
    lastLocalAgents = keys.size();
    host.ownedAgents(keys.size());
    StepRound round = agents.step(keys, tick.at());
    ticks.incrementAndGet();
    for (TickListener l : listeners) {
      l.afterTick(tick, round);
    }
  }
}
