package io.swarmgrid.plugin;

import com.hazelcast.config.Config;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.engine.EngineCoordinator;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.plugin.internal.NodeRuntime;
import io.swarmgrid.storage.SwarmMaps;
import io.swarmgrid.storage.SwarmSerialization;
import io.swarmgrid.storage.messaging.Mailboxes;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.util.Optional;

/** Entry points for members configured in code, and access to a running member's SwarmGrid node. */
public final class SwarmGrid {
  private SwarmGrid() {}

  /**
   * Makes a member config run SwarmGrid: registers the serializers, adds the catalogue's map
   * configs and the bootstrap listener with the given SwarmGrid config.
   */
  public static Config enable(Config hazelcastConfig, SwarmGridConfig swarmConfig) {
    SwarmSerialization.registerForMember(hazelcastConfig.getSerializationConfig());
    SwarmMaps.addTo(hazelcastConfig, swarmConfig.storage());
    Mailboxes.addTo(hazelcastConfig, swarmConfig.storage(), swarmConfig.messaging());
    hazelcastConfig.addListenerConfig(new ListenerConfig(new SwarmGridBootstrap(swarmConfig)));
    return hazelcastConfig;
  }

  /** The SwarmGrid node running in {@code member}, if the member runs SwarmGrid and has started. */
  public static Optional<SwarmNode> node(HazelcastInstance member) {
    return runtime(member).map(NodeRuntime::node);
  }

  /** The engine coordinator of {@code member}, if it runs SwarmGrid. */
  public static Optional<EngineCoordinator> engines(HazelcastInstance member) {
    return runtime(member).map(NodeRuntime::engines);
  }

  /**
   * The service of type {@code type} running in {@code member}: an engine ({@code
   * BalanceEngine.class}, {@code ConsensusEngine.class}…), an interface one offers ({@code
   * LoadBalancer.class}), or the member's {@link SwarmGridConfig}. Empty when the engine is off or
   * stopped, or the member does not run SwarmGrid.
   */
  public static <T> Optional<T> service(HazelcastInstance member, Class<T> type) {
    return SwarmServices.find(member, type);
  }

  private static Optional<NodeRuntime> runtime(HazelcastInstance member) {
    return SwarmServices.find(member, NodeRuntime.class).filter(r -> r.node() != null);
  }
}
