package io.swarmgrid.plugin;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.config.SwarmGridConfigLoader;
import io.swarmgrid.plugin.internal.NodeRuntime;
import io.swarmgrid.storage.SwarmSerialization;

/**
 * Activates SwarmGrid in a Hazelcast member. A member's {@code hazelcast.yaml} imports the plugin's
 * {@code swarmgrid-member.yaml}, which names this class under {@code listeners:} and registers the
 * serializers:
 *
 * <pre>
 * hazelcast:
 *   import:
 *     - classpath:swarmgrid-member.yaml
 * </pre>
 *
 * or call {@link SwarmGrid#enable} on a programmatic config. Hazelcast builds one per member. It
 * loads {@code swarmgrid.yaml} at once, so an invalid config stops the member before it joins; once
 * the member has started it adds the catalogue's map configs, registers the node, starts the
 * engines the config switches on and logs one line saying so. On shutdown it stops the engines and
 * marks the node gone; when another member is lost, the oldest member marks that member's nodes
 * gone.
 */
public final class SwarmGridBootstrap
    implements LifecycleListener, MembershipListener, HazelcastInstanceAware {
  private final SwarmGridConfig config;
  private final String configSource;
  private final RuntimeException configError;
  private volatile NodeRuntime runtime;

  /**
   * Loads {@code swarmgrid.yaml} as {@link SwarmGridConfigLoader#load()} locates it. An invalid
   * config is thrown from {@link #setHazelcastInstance}, which Hazelcast calls while it builds the
   * member, before the member joins: so the member does not start. (Hazelcast only logs an
   * exception thrown by a listener's constructor, and would start the member without SwarmGrid.)
   */
  public SwarmGridBootstrap() {
    SwarmGridConfigLoader.Loaded loaded = null;
    RuntimeException error = null;
    try {
      loaded = SwarmGridConfigLoader.load();
    } catch (RuntimeException e) {
      error = e;
    }
    this.config = loaded == null ? null : loaded.config();
    this.configSource = loaded == null ? null : loaded.source();
    this.configError = error;
  }

  /** Uses a config built in code. */
  public SwarmGridBootstrap(SwarmGridConfig config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
    this.configSource = "programmatic";
    this.configError = null;
  }

  /**
   * Checks the config and the serializers, and prepares the node.
   *
   * @throws io.swarmgrid.config.SwarmConfigException if {@code swarmgrid.yaml} is invalid; the
   *     member does not start
   * @throws IllegalStateException if the member lacks SwarmGrid's serializers; the member does not
   *     start
   */
  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    if (configError != null) {
      throw configError;
    }
    var missing = SwarmSerialization.missingFrom(hz.getConfig().getSerializationConfig());
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "SwarmGrid needs its serializers and factories on every member and client, and the Java"
              + " deserialization filter on every member; missing: "
              + missing
              + ". Import them in hazelcast.yaml (instead of naming the listener yourself):\n"
              + SwarmSerialization.yamlSnippet());
    }
    this.runtime = new NodeRuntime(hz, config, configSource);
  }

  @Override
  public void stateChanged(LifecycleEvent event) {
    NodeRuntime rt = runtime;
    if (rt == null) {
      return;
    }
    switch (event.getState()) {
      case STARTED -> rt.start();
      case SHUTTING_DOWN -> rt.leave();
      case MERGED -> rt.onMerged();
      default -> {
        // Other states need nothing from SwarmGrid.
      }
    }
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    // A joining member registers its own node.
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    NodeRuntime rt = runtime;
    if (rt != null) {
      rt.onMemberLost(event.getMember().getUuid().toString());
    }
  }

  /** This member's running node, or {@code null} before the member has started. */
  NodeRuntime runtime() {
    return runtime;
  }
}
