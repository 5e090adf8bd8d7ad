package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.StateUpdate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which updates of a publish batch a later one of the same batch replaces for a non-urgent target
 * (see {@link TargetQueue}: a non-urgent update replaces the waiting deltas of its state, and the
 * waiting keyframe too if it is a keyframe; updates published as urgent are never replaced). Such
 * an update would be offered and dropped one offer later, so it is counted as dropped and not
 * offered: with hundreds of targets, a batch would otherwise make hundreds of offers per update.
 */
public final class Superseded {
  private Superseded() {}

  /** Per update of {@code batch} (in order), whether a later one replaces it. */
  public static boolean[] of(List<StateUpdate> batch) {
    boolean[] superseded = new boolean[batch.size()];
    Map<String, Boolean> laterUpdate = new HashMap<>();
    Map<String, Boolean> laterKeyframe = new HashMap<>();
    for (int i = batch.size() - 1; i >= 0; i--) {
      StateUpdate u = batch.get(i);
      String state = u.stateId();
      boolean urgent = u.priority() == Priority.EMERGENCY;
      superseded[i] =
          !urgent
              && (laterKeyframe.getOrDefault(state, false)
                  || (!u.keyframe() && laterUpdate.getOrDefault(state, false)));
      if (!urgent) {
        laterUpdate.put(state, true);
        if (u.keyframe()) {
          laterKeyframe.put(state, true);
        }
      }
    }
    return superseded;
  }
}
