package io.swarmgrid.storage.testsupport;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.map.IMap;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.storage.SwarmMaps;
import io.swarmgrid.storage.SwarmSerialization;
import io.swarmgrid.storage.messaging.Mailboxes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * N real Hazelcast members in this JVM, started once per test class and cleaned after each test
 * (Jet jobs cancelled, distributed objects destroyed except those named in {@link #keep}, the
 * engines' {@code swarm.*} maps emptied instead). Use as {@code @RegisterExtension static final
 * EmbeddedCluster cluster = EmbeddedCluster.of(3);}.
 *
 * <p>Members join over TCP on loopback ports {@link #BASE_PORT} and up, with a cluster name of
 * their own, so that nothing else on the machine can join them. Jet is on; the CP Subsystem is on
 * when {@link #cpMembers} is set.
 */
public final class EmbeddedCluster
    implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
  /**
   * Which of the build's parallel test JVMs this is, from 0: {@code -Dswarmgrid.test.fork} is
   * Surefire's fork number (from 1), 1 when not set.
   */
  public static final int FORK_INDEX = Integer.getInteger("swarmgrid.test.fork", 1) - 1;

  /**
   * First port of the test clusters: {@code -Dswarmgrid.test.basePort}, default 5901 (away from
   * Hazelcast's 5701 that demos and process tests use). Builds running side by side on one machine
   * give each a base port of its own; each parallel test JVM of a build takes the next 200 ports
   * (tests use up to {@code BASE_PORT + 150}), so that no member joins another fork's cluster.
   */
  public static final int BASE_PORT =
      Integer.getInteger("swarmgrid.test.basePort", 5901) + 200 * FORK_INDEX;

  private final int size;
  private final String clusterName =
      "swarmgrid-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<HazelcastInstance> members = new ArrayList<>();
  private final List<HazelcastInstance> clients = new ArrayList<>();
  private int cpMemberCount;
  private BiConsumer<Integer, Config> customizer = (i, c) -> {};
  private Set<String> keep = Set.of();

  private EmbeddedCluster(int size) {
    this.size = size;
  }

  /** A cluster of {@code size} members with the SwarmGrid maps and serializers configured. */
  public static EmbeddedCluster of(int size) {
    return new EmbeddedCluster(size);
  }

  /** Runs the CP Subsystem on {@code count} members (0 = off, else at least 3). */
  public EmbeddedCluster cpMembers(int count) {
    this.cpMemberCount = count;
    return this;
  }

  /** Changes each member's config (member index, config) before it starts. */
  public EmbeddedCluster configure(BiConsumer<Integer, Config> customizer) {
    this.customizer = this.customizer.andThen(customizer);
    return this;
  }

  /**
   * Lets members Java-deserialize {@code classes} (their Java serialization filter refuses classes
   * outside SwarmGrid's whitelist): for tests that ship their own lambdas, e.g. to {@code
   * ReputationStore.update}.
   */
  public EmbeddedCluster allowJavaSerialized(Class<?>... classes) {
    return configure(
        (i, c) ->
            c.getSerializationConfig()
                .getJavaSerializationFilterConfig()
                .getWhitelist()
                .addClasses(
                    java.util.Arrays.stream(classes).map(Class::getName).toArray(String[]::new)));
  }

  /** Distributed objects that survive the cleaning after each test (e.g. the node registry). */
  public EmbeddedCluster keep(String... names) {
    this.keep = Set.of(names);
    return this;
  }

  /** The config of member {@code index}, as it would be started. */
  public Config memberConfig(int index) {
    Config config = loopbackConfig(clusterName, BASE_PORT, 50, 10);
    config.getJetConfig().setResourceUploadEnabled(true);
    config.getCPSubsystemConfig().setCPMemberCount(cpMemberCount);
    SwarmSerialization.registerForMember(config.getSerializationConfig());
    SwarmMaps.addTo(config, StorageConfig.DEFAULTS);
    Mailboxes.addTo(config, StorageConfig.DEFAULTS, MessagingConfig.DEFAULTS);
    customizer.accept(index, config);
    return config;
  }

  /**
   * A fast-joining member config on 127.0.0.1 with Jet on: ports from {@code port} ({@code
   * portCount} of them), joining over TCP the first {@code joinPorts} of them; no multicast, no
   * auto-detection.
   */
  public static Config loopbackConfig(String clusterName, int port, int portCount, int joinPorts) {
    Config config = new Config();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.partition.count", "71");
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(true).setPortCount(portCount);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    for (int p = port; p < port + joinPorts; p++) {
      join.getTcpIpConfig().addMember("127.0.0.1:" + p);
    }
    config.getJetConfig().setEnabled(true);
    return config;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // A terminated member's threads may throw on their way out (HazelcastInstanceNotActive from
    // an executor worker); Awaitility would report that as the failure of whatever waits next.
    Awaitility.doNotCatchUncaughtExceptionsByDefault();
    for (int i = 0; i < size; i++) {
      startMember();
    }
  }

  /** Starts one more member and returns it. */
  public HazelcastInstance startMember() {
    HazelcastInstance hz = Hazelcast.newHazelcastInstance(memberConfig(members.size()));
    members.add(hz);
    return hz;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    HazelcastInstance any = anyRunning();
    if (any == null) {
      return;
    }
    for (Job job : any.getJet().getJobs()) {
      if (!job.getStatus().isTerminal() && job.getStatus() != JobStatus.COMPLETING) {
        try {
          job.cancel();
        } catch (RuntimeException ignored) {
          // Finished between the check and the cancel.
        }
      }
    }
    for (DistributedObject o : any.getDistributedObjects()) {
      if (keep.contains(o.getName()) || o.getName().startsWith("__")) {
        continue;
      }
      if (o instanceof IMap<?, ?> map && o.getName().startsWith("swarm.")) {
        // The engines' own maps are emptied, not destroyed: a destroy reaches the other members as
        // an event that may arrive after the next test made the map again, and destroys it under
        // that test (DistributedObjectDestroyedException); and it would drop the engines'
        // listeners.
        map.clear();
      } else {
        o.destroy();
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    clients.forEach(HazelcastInstance::shutdown);
    clients.clear();
    members.forEach(m -> m.getLifecycleService().terminate());
    members.clear();
  }

  /** All members started so far, including stopped ones, in start order. */
  public List<HazelcastInstance> members() {
    return members;
  }

  /** Member {@code i} in start order. */
  public HazelcastInstance member(int i) {
    return members.get(i);
  }

  /** A member that is still running, or null. */
  public HazelcastInstance anyRunning() {
    return members.stream()
        .filter(m -> m.getLifecycleService().isRunning())
        .findFirst()
        .orElse(null);
  }

  /** The cluster name. */
  public String clusterName() {
    return clusterName;
  }

  /** A client config that reaches this cluster, with SwarmGrid's serializers registered. */
  public ClientConfig clientConfig() {
    ClientConfig cc = new ClientConfig();
    cc.setClusterName(clusterName);
    cc.setProperty("hazelcast.phone.home.enabled", "false");
    for (HazelcastInstance m : members) {
      if (m.getLifecycleService().isRunning()) {
        var address = m.getCluster().getLocalMember().getAddress();
        cc.getNetworkConfig().addAddress(address.getHost() + ":" + address.getPort());
      }
    }
    SwarmSerialization.register(cc.getSerializationConfig());
    return cc;
  }

  /** A client of this cluster, shut down after the test class. */
  public HazelcastInstance newClient() {
    return newClient(clientConfig());
  }

  /** A client with the given config, shut down after the test class. */
  public HazelcastInstance newClient(ClientConfig config) {
    HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
    clients.add(client);
    return client;
  }
}
