package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.ChannelMark;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The ordered channels of one fan-out: per target and priority class, the next bundle's place and
 * the bundles in flight, at most {@link #limit} per target. A bundle's mark carries the lowest
 * place still in flight when it left (its floor), so the subscriber knows that the ones below it
 * that it has not seen failed and will not come.
 */
final class SendWindow {
  private final String epoch = UUID.randomUUID().toString();
  private final int limit;
  private final Map<String, Target> targets = new HashMap<>();

  private static final class Target {
    final Map<Priority, Lane> lanes = new EnumMap<>(Priority.class);
    int inFlight;
  }

  private static final class Lane {
    long next;
    final TreeSet<Long> inFlight = new TreeSet<>();
  }

  SendWindow(int limit) {
    this.limit = limit;
  }

  /** Whether {@code target} may be given another bundle. */
  synchronized boolean open(String target) {
    Target t = targets.get(target);
    return t == null || t.inFlight < limit;
  }

  /** Whether {@code target} has nothing in flight. */
  synchronized boolean idle(String target) {
    Target t = targets.get(target);
    return t == null || t.inFlight == 0;
  }

  /** Whether no bundle is in flight to any target. */
  synchronized boolean empty() {
    return targets.values().stream().allMatch(t -> t.inFlight == 0);
  }

  /** Takes the next place of {@code target}'s {@code priority} channel for a bundle now leaving. */
  synchronized ChannelMark take(String target, Priority priority) {
    Target t = targets.computeIfAbsent(target, k -> new Target());
    Lane lane = t.lanes.computeIfAbsent(priority, p -> new Lane());
    long seq = lane.next++;
    lane.inFlight.add(seq);
    t.inFlight++;
    return new ChannelMark(epoch + "/" + priority.name(), seq, lane.inFlight.first());
  }

  /** The bundle at {@code mark} finished (taken by the grid, or failed). */
  synchronized void done(String target, Priority priority, ChannelMark mark) {
    Target t = targets.get(target);
    if (t != null && t.lanes.get(priority).inFlight.remove(mark.seq())) {
      t.inFlight--;
    }
  }
}
