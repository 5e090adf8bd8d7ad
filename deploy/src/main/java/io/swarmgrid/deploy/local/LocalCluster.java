package io.swarmgrid.deploy.local;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Several SwarmGrid members in this JVM on loopback: what the demo and local experiments run on.
 * Members join over TCP on {@code 127.0.0.1}, ports from {@code basePort} up; the CP Subsystem runs
 * on the first three when there are at least three.
 */
public final class LocalCluster implements AutoCloseable {
  private final String clusterName;
  private final int basePort;
  private final List<HazelcastInstance> members = new ArrayList<>();
  private int startedSize;

  private LocalCluster(String clusterName, int basePort) {
    this.clusterName = clusterName;
    this.basePort = basePort;
  }

  /**
   * Starts {@code size} members, each with the SwarmGrid config {@code swarmConfigOf.apply(i)} for
   * i = 1..size.
   */
  public static LocalCluster start(
      String clusterName, int basePort, int size, IntFunction<SwarmGridConfig> swarmConfigOf) {
    if (size < 1 || size > 20) {
      throw new IllegalArgumentException("size: " + size + " is outside 1..20");
    }
    LocalCluster cluster = new LocalCluster(clusterName, basePort);
    cluster.startedSize = size;
    try {
      for (int i = 1; i <= size; i++) {
        Config config = cluster.memberConfig(size);
        SwarmGrid.enable(config, swarmConfigOf.apply(i));
        cluster.members.add(Hazelcast.newHazelcastInstance(config));
      }
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private Config memberConfig(int size) {
    Config config = new Config();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.getNetworkConfig().setPort(basePort).setPortAutoIncrement(true).setPortCount(100);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    for (int port = basePort; port < basePort + size + 5; port++) {
      join.getTcpIpConfig().addMember("127.0.0.1:" + port);
    }
    config.getJetConfig().setEnabled(true).setResourceUploadEnabled(true);
    config.getCPSubsystemConfig().setCPMemberCount(size >= 3 ? 3 : 0);
    return config;
  }

  /**
   * Starts one more member with {@code swarmConfig} (e.g. to replace a killed one); it joins as a
   * plain AP member (the CP Subsystem keeps the members it was formed with).
   */
  public synchronized HazelcastInstance addMember(SwarmGridConfig swarmConfig) {
    Config config = memberConfig(startedSize);
    SwarmGrid.enable(config, swarmConfig);
    HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
    members.add(hz);
    return hz;
  }

  /**
   * Kills one member the hard way: {@code terminate()}, no partition hand-off, no goodbye to the
   * cluster; the others notice through Hazelcast's failure detection and recover from backups.
   */
  public synchronized void kill(HazelcastInstance member) {
    member.getLifecycleService().terminate();
  }

  /** The cluster name. */
  public String clusterName() {
    return clusterName;
  }

  /** The members started so far, including killed ones, in start order. */
  public List<HazelcastInstance> members() {
    return members;
  }

  /** The members still running, in start order. */
  public List<HazelcastInstance> running() {
    return members.stream().filter(m -> m.getLifecycleService().isRunning()).toList();
  }

  /** The members' addresses, {@code host:port}. */
  public List<String> addresses() {
    return members.stream()
        .filter(m -> m.getLifecycleService().isRunning())
        .map(m -> m.getCluster().getLocalMember().getAddress())
        .map(a -> a.getHost() + ":" + a.getPort())
        .toList();
  }

  /**
   * Stops every member at once. All members live in this JVM and go together, so there is nobody to
   * hand partitions or CP group seats to: a graceful shutdown would only make the CP Subsystem
   * shrink its groups member by member and complain about it.
   */
  @Override
  public synchronized void close() {
    for (HazelcastInstance m : members) {
      m.getLifecycleService().terminate();
    }
  }
}
