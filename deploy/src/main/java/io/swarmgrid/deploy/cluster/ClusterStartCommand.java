package io.swarmgrid.deploy.cluster;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.cli.LogDefaults;
import io.swarmgrid.config.SwarmGridConfigLoader;
import io.swarmgrid.deploy.cluster.internal.ClusterLayout;
import io.swarmgrid.deploy.cluster.internal.ClusterState;
import io.swarmgrid.deploy.cluster.internal.ClusterStateFile;
import io.swarmgrid.deploy.cluster.internal.Health;
import io.swarmgrid.deploy.cluster.internal.HttpToken;
import io.swarmgrid.deploy.cluster.internal.MemberLauncher;
import io.swarmgrid.deploy.cluster.internal.NetworkRules;
import io.swarmgrid.deploy.cluster.internal.NodeProcess;
import io.swarmgrid.deploy.cluster.internal.NodeState;
import io.swarmgrid.deploy.cluster.internal.Ports;
import io.swarmgrid.storage.node.NodeInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code swarmgrid cluster start}: N member processes, ready, as a table. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Starts N member processes on 127.0.0.1 and prints a table when they are ready.",
      "Member ports BASE..BASE+N-1 (each a link proxy for chaos --partition/--slow in",
      "front of its member, which binds port + 1000; outbound ports BASE+1100..+1499);",
      "HTTP (API, dashboard, probes) on each port + 2379",
      "(5701 serves HTTP on 8080), token in DIR/http-token. Ready: every node has",
      "registered, the CP Subsystem has its 3 members, every /health/live answers 200."
    })
public final class ClusterStartCommand implements Callable<Integer> {
  @ParentCommand ClusterCommand parent;

  @Option(names = "--nodes", defaultValue = "3", description = "Member processes (default: 3).")
  int nodes;

  @Option(
      names = "--regions",
      defaultValue = "1",
      description = "Regions the nodes are spread over, round robin (default: 1).")
  int regions;

  @Option(
      names = "--config",
      paramLabel = "DIR",
      description =
          "A directory with a swarmgrid.yaml every node starts from (node id, region and key"
              + " file are set per node). Default: the tool's own (every engine on).")
  Path config;

  @Option(
      names = "--base-port",
      defaultValue = "5701",
      description = "The first member port (default: 5701).")
  int basePort;

  @Option(
      names = "--name",
      defaultValue = "swarmgrid-local",
      description = "The Hazelcast cluster name (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--timeout",
      defaultValue = "180",
      paramLabel = "SECONDS",
      description = "How long to wait for the cluster to be ready (default: 180).")
  int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    LogDefaults.quietClient();
    ClusterLayout layout = new ClusterLayout(nodes, regions, basePort, checkedConfig(), name);
    if (timeoutSeconds < 10) {
      throw new IllegalArgumentException("--timeout: " + timeoutSeconds + " is under 10 seconds");
    }
    ClusterStateFile stateFile = parent.stateFile();
    if (stateFile.read().isPresent()
        && stateFile.read().get().nodes().stream()
            .anyMatch(n -> NodeProcess.handle(n).isPresent())) {
      throw new IllegalArgumentException(
          "--dir: a cluster is already running in '"
              + stateFile.dir()
              + "'; stop or destroy it first (./swarmgrid cluster stop)");
    }
    for (int i = 1; i <= nodes; i++) {
      for (int port : new int[] {layout.port(i), layout.memberBindPort(i), layout.httpPort(i)}) {
        if (!Ports.free(port)) {
          throw new IllegalArgumentException(
              "--base-port: port "
                  + port
                  + " (for "
                  + layout.nodeName(i)
                  + (port == layout.port(i)
                      ? ""
                      : port == layout.httpPort(i) ? "'s HTTP" : "'s member, behind its proxy")
                  + ") is in use; choose another --base-port or stop what listens there");
        }
      }
    }
    // A new cluster starts with no partition or latency left from an earlier one.
    Files.deleteIfExists(stateFile.dir().resolve(NetworkRules.FILE));
    boolean userConfigWithoutToken = layout.config() != null && userHttpToken.isBlank();
    MemberLauncher launcher =
        new MemberLauncher(
            layout, stateFile.dir(), HttpToken.ensure(stateFile.dir()), userConfigWithoutToken);
    List<NodeState> started = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      started.add(launcher.start(i));
      // Written after every start, so that stop/destroy find whatever did start.
      stateFile.write(new ClusterState(name, basePort, System.currentTimeMillis(), started));
    }
    ClusterState state = new ClusterState(name, basePort, System.currentTimeMillis(), started);
    System.out.printf(
        "started %d member processes in %s; waiting for them to be ready...%n",
        nodes, stateFile.dir());
    try {
      awaitReady(state, layout, Duration.ofSeconds(timeoutSeconds));
    } catch (IllegalStateException e) {
      for (NodeState n : started) {
        NodeProcess.kill(n);
      }
      throw new IllegalStateException(
          e.getMessage() + "; every member was killed, logs are in " + stateFile.dir(), e);
    }
    System.out.printf("cluster ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    ClusterTable.print(state, System.out, false);
    System.out.printf(
        "HTTP API and dashboard token: in %s%s%n",
        HttpToken.file(stateFile.dir()),
        layout.config() == null || userConfigWithoutToken ? "" : " (unused: your config's own)");
    return 0;
  }

  // The token of a user's --config: kept when set, else the cluster's own is given.
  private String userHttpToken = "";

  private Path checkedConfig() {
    if (config == null) {
      return null;
    }
    Path yaml = config.resolve("swarmgrid.yaml");
    if (!Files.isRegularFile(yaml)) {
      throw new IllegalArgumentException("--config: '" + config + "' has no swarmgrid.yaml");
    }
    Properties p = new Properties();
    p.setProperty(SwarmGridConfigLoader.CONFIG_PROPERTY, yaml.toAbsolutePath().toString());
    // Fails naming the key and the value before anything starts.
    userHttpToken =
        SwarmGridConfigLoader.load(p, new HashMap<>(), Path.of("").toAbsolutePath())
            .config()
            .http()
            .token();
    return config.toAbsolutePath();
  }

  private static void awaitReady(ClusterState state, ClusterLayout layout, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    // First every port listening, failing early if a member process dies.
    while (state.nodes().stream().anyMatch(n -> Ports.free(n.port()))) {
      for (NodeState n : state.nodes()) {
        if (NodeProcess.handle(n).isEmpty()) {
          throw new IllegalStateException(n.name() + " exited during start (see " + n.log() + ")");
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("members did not open their ports within " + timeout);
      }
      Thread.sleep(200);
    }
    Set<String> names = state.nodes().stream().map(NodeState::name).collect(Collectors.toSet());
    long left = Math.max(1000, (deadline - System.nanoTime()) / 1_000_000);
    try (SwarmClient client =
        SwarmClient.connect(new SwarmClientConfig(state.clusterName(), state.addresses(), left))) {
      while (true) {
        var status = client.status();
        Set<String> active =
            client.activeNodes().stream().map(NodeInfo::nodeId).collect(Collectors.toSet());
        if (status.members().size() == layout.nodes()
            && active.containsAll(names)
            && status.cpMembers().size() == layout.cpMembers()
            // Ready, not merely live: the engines have started, so an inject that follows finds
            // them (the live probe answers while they are still starting).
            && state.nodes().stream().allMatch(n -> Health.ready(n).up())) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "not ready within "
                  + timeout
                  + ": "
                  + status.members().size()
                  + " members, nodes "
                  + active
                  + ", "
                  + status.cpMembers().size()
                  + " CP members, ready "
                  + state.nodes().stream()
                      .map(n -> n.name() + " " + Health.ready(n).text())
                      .collect(Collectors.joining(", ")));
        }
        Thread.sleep(250);
      }
    }
  }
}
