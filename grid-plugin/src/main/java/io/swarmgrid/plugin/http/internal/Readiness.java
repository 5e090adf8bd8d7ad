package io.swarmgrid.plugin.http.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.CPGroup;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Whether the member can take work: it runs and has joined a cluster in state ACTIVE, the CP
 * Subsystem answers (when the member config has one), and SwarmGrid's engines started.
 */
public final class Readiness {
  private final HazelcastInstance hz;
  private final BooleanSupplier enginesStarted;

  /** Readiness of {@code hz}; {@code enginesStarted} says whether SwarmGrid finished its start. */
  public Readiness(HazelcastInstance hz, BooleanSupplier enginesStarted) {
    this.hz = hz;
    this.enginesStarted = enginesStarted;
  }

  /**
   * Each check by name ({@code running}, {@code joined}, {@code cp}, {@code engines}) with true or
   * false, or a reason; ready when all are true.
   */
  public Map<String, Object> checks() {
    Map<String, Object> out = new LinkedHashMap<>();
    boolean running = hz.getLifecycleService().isRunning();
    out.put("running", running);
    if (!running) {
      return out;
    }
    out.put("joined", joined());
    out.put("clusterState", hz.getCluster().getClusterState().name());
    out.put("cp", cp());
    out.put("engines", enginesStarted.getAsBoolean());
    return out;
  }

  /** True when every check passed. */
  public static boolean ready(Map<String, Object> checks) {
    return checks.get("running") == Boolean.TRUE
        && checks.get("joined") == Boolean.TRUE
        && checks.get("cp") == Boolean.TRUE
        && checks.get("engines") == Boolean.TRUE;
  }

  private boolean joined() {
    return hz.getCluster().getLocalMember() != null
        && hz.getCluster().getClusterState() == com.hazelcast.cluster.ClusterState.ACTIVE;
  }

  private Object cp() {
    int cpMembers = hz.getConfig().getCPSubsystemConfig().getCPMemberCount();
    if (cpMembers == 0) {
      return true;
    }
    // The METADATA group exists once CP discovery completed; DEFAULT only after first use.
    try {
      var management = hz.getCPSubsystem().getCPSubsystemManagementService();
      if (!management.isDiscoveryCompleted()) {
        return false;
      }
      CPGroup group =
          management
              .getCPGroup(CPGroup.METADATA_CP_GROUP_NAME)
              .toCompletableFuture()
              .get(2, TimeUnit.SECONDS);
      return group != null && group.status() == CPGroup.CPGroupStatus.ACTIVE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }
}
