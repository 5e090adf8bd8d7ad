package io.swarmgrid.plugin.cp.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.CPMember;
import com.hazelcast.cp.CPSubsystemManagementService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the CP group at its configured size through Hazelcast's public {@link
 * CPSubsystemManagementService}: a CP member missing from the cluster for {@code removalMillis} is
 * removed from the CP Subsystem (by the oldest member, so once), and while the group is below
 * {@code cp-member-count} the oldest member that is not a CP member promotes itself. Hazelcast
 * itself never promotes, and removes a missing member only after 4 hours by default; with 3 CP
 * members, a second loss in that time stops every CP operation.
 *
 * <p>Safe against a member that is only partitioned away: removal is a Raft change of the METADATA
 * group, which only the side holding its majority can make; the other side cannot commit anyway.
 * Run {@link #tick} periodically from one thread.
 */
public final class CpGroupHealer {
  private static final Logger LOG = LoggerFactory.getLogger(CpGroupHealer.class);
  private static final long CALL_TIMEOUT_SECONDS = 30;

  private final HazelcastInstance hz;
  private final long removalMillis;
  private final int size;
  private final Map<UUID, Long> missingSince = new HashMap<>();
  private volatile int lastSeenSize = -1;

  /**
   * A healer for {@code hz}, removing members missing for {@code removalSeconds} (0: never) and
   * promoting up to the member's {@code cp-member-count}.
   */
  public CpGroupHealer(HazelcastInstance hz, int removalSeconds) {
    this.hz = hz;
    this.removalMillis = removalSeconds * 1000L;
    this.size = hz.getConfig().getCPSubsystemConfig().getCPMemberCount();
  }

  /** Whether the CP Subsystem has formed (its initial members discovered each other). */
  public boolean discovered() {
    return management().isDiscoveryCompleted();
  }

  /** The CP group's size when last looked at (-1 before the first look). */
  public int lastSeenSize() {
    return lastSeenSize;
  }

  /** One look at the group: remove who has been missing long enough, promote if below size. */
  public void tick() {
    if (size == 0 || !discovered()) {
      return;
    }
    try {
      Collection<CPMember> cpMembers = await(management().getCPMembers());
      // By UUID, not address: a replacement can start on the port of the member it replaces. A CP
      // member's UUID is its cluster member's (Community edition, no CP persistence).
      Set<UUID> present = new HashSet<>();
      for (Member m : hz.getCluster().getMembers()) {
        present.add(m.getUuid());
      }
      long now = System.currentTimeMillis();
      Set<UUID> seen = new HashSet<>();
      List<CPMember> due = new ArrayList<>();
      for (CPMember m : cpMembers) {
        seen.add(m.getUuid());
        if (present.contains(m.getUuid())) {
          missingSince.remove(m.getUuid());
          continue;
        }
        long since = missingSince.computeIfAbsent(m.getUuid(), u -> now);
        if (removalMillis > 0 && now - since >= removalMillis) {
          due.add(m);
        }
      }
      missingSince.keySet().retainAll(seen);
      int active = cpMembers.size();
      if (oldest()) {
        for (CPMember m : due) {
          long missedFor = now - missingSince.get(m.getUuid());
          await(management().removeCPMember(m.getUuid()));
          missingSince.remove(m.getUuid());
          active--;
          LOG.warn(
              "removed CP member {} from the CP Subsystem: missing from the cluster for {} ms "
                  + "(consensus.cp.missing-member-removal)",
              m.getAddress(),
              missedFor);
        }
      }
      lastSeenSize = active;
      if (active < size
          && hz.getCPSubsystem().getLocalCPMember() == null
          && firstNonCp(cpMembers)) {
        LOG.info(
            "promoting this member to the CP Subsystem: the CP group has {} of {} members",
            active,
            size);
        await(management().promoteToCPMember());
      }
    } catch (TimeoutException | RuntimeException e) {
      LOG.debug("CP group check failed, will retry: {}", e.toString());
    }
  }

  private boolean oldest() {
    return hz.getCluster().getMembers().iterator().next().localMember();
  }

  /** Whether this member is the oldest one that is not a CP member (only it promotes itself). */
  private boolean firstNonCp(Collection<CPMember> cpMembers) {
    Set<UUID> cp = new HashSet<>();
    cpMembers.forEach(m -> cp.add(m.getUuid()));
    for (Member m : hz.getCluster().getMembers()) {
      if (!cp.contains(m.getUuid())) {
        return m.localMember();
      }
    }
    return false;
  }

  private CPSubsystemManagementService management() {
    return hz.getCPSubsystem().getCPSubsystemManagementService();
  }

  private static <T> T await(java.util.concurrent.CompletionStage<T> stage)
      throws TimeoutException {
    try {
      return stage.toCompletableFuture().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
  }
}
