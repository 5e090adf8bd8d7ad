package io.swarmgrid.plugin.consensus.internal;

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
 * removed from the CP Subsystem (by the oldest member, so once) when a member that is not in CP can
 * take its seat, and while the group is below {@code cp-member-count} the oldest such member
 * promotes itself. Hazelcast itself never promotes, and removes a missing member only after 4 hours
 * by default; with 3 CP members, a second loss in that time stops every CP operation.
 *
 * <p>Without a member to take the seat, the missing member stays in the group: removing it would
 * not make the group more available (2 of 2 need each other as 2 of 3 do), and a member that was
 * only partitioned away could not come back, since a removed CP member that merges back still
 * believes it is one and Hazelcast never takes it again under the same identity. Kept, it catches
 * up when the partition heals.
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

  /** Executor that runs {@link LocalCpMember} on other members. */
  public static final String EXECUTOR = "swarm.cp";

  private final Map<UUID, Long> missingSince = new HashMap<>();
  private final Map<UUID, UUID> cpOfMember = new HashMap<>();
  private final Set<UUID> keptWithoutSeat = new HashSet<>();
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
      Set<UUID> present = presentCpMembers(cpMembers);
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
      keptWithoutSeat.retainAll(missingSince.keySet());
      int active = cpMembers.size();
      if (oldest()) {
        int seats = nonCpMembers(cpMembers);
        for (CPMember m : due.subList(0, Math.min(seats, due.size()))) {
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
        for (CPMember m : due.subList(Math.min(seats, due.size()), due.size())) {
          if (keptWithoutSeat.add(m.getUuid())) {
            LOG.warn(
                "CP member {} missing from the cluster for {} ms: kept in the CP group until a"
                    + " member outside CP can take its seat (a partitioned member catches up when"
                    + " it merges back; a removed one could not)",
                m.getAddress(),
                now - missingSince.get(m.getUuid()));
          }
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
      // Expected for a few seconds after a loss (no Raft leader yet); a refusal to remove shows
      // here.
      LOG.info("CP group check failed, will retry: {}", e.toString());
    }
  }

  /**
   * The CP UUIDs of the members in the cluster. Not by address (a replacement can start on the port
   * of the CP member it replaces) nor by member UUID alone (the members that formed CP use their
   * member UUID, a promoted member gets a new one): each member is asked once who it is in CP.
   */
  private Set<UUID> presentCpMembers(Collection<CPMember> cpMembers) throws TimeoutException {
    Set<UUID> present = new HashSet<>();
    Set<Member> members = hz.getCluster().getMembers();
    for (Member m : members) {
      present.add(m.getUuid());
    }
    Set<UUID> cpIds = new HashSet<>();
    cpMembers.forEach(c -> cpIds.add(c.getUuid()));
    if (present.containsAll(cpIds)) {
      return present;
    }
    cpOfMember.keySet().retainAll(present);
    for (Member m : members) {
      UUID cp = cpOfMember.get(m.getUuid());
      if (cp == null) {
        String answer =
            m.localMember()
                ? new LocalCpMember().call(hz)
                : awaitFuture(
                    hz.getExecutorService(EXECUTOR).submitToMember(new LocalCpMember(), m));
        if (!answer.isEmpty()) {
          cp = UUID.fromString(answer);
          cpOfMember.put(m.getUuid(), cp);
        }
      }
      if (cp != null) {
        present.add(cp);
      }
    }
    return present;
  }

  private boolean oldest() {
    return hz.getCluster().getMembers().iterator().next().localMember();
  }

  /**
   * How many members could take a CP seat: not CP members and not believing they are one (a removed
   * CP member that merged back answers with its old CP UUID, and cannot be promoted).
   */
  private int nonCpMembers(Collection<CPMember> cpMembers) {
    Set<UUID> cp = new HashSet<>();
    cpMembers.forEach(m -> cp.add(m.getUuid()));
    int n = 0;
    for (Member m : hz.getCluster().getMembers()) {
      if (!cp.contains(m.getUuid()) && !cpOfMember.containsKey(m.getUuid())) {
        n++;
      }
    }
    return n;
  }

  /** Whether this member is the oldest one that is not a CP member (only it promotes itself). */
  private boolean firstNonCp(Collection<CPMember> cpMembers) {
    Set<UUID> cp = new HashSet<>();
    cpMembers.forEach(m -> cp.add(m.getUuid()));
    for (Member m : hz.getCluster().getMembers()) {
      UUID promoted = cpOfMember.get(m.getUuid());
      if (!cp.contains(m.getUuid()) && (promoted == null || !cp.contains(promoted))) {
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
    return awaitFuture(stage.toCompletableFuture());
  }

  private static <T> T awaitFuture(java.util.concurrent.Future<T> future) throws TimeoutException {
    try {
      return future.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
  }
}
