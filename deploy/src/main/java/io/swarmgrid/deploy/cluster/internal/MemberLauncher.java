package io.swarmgrid.deploy.cluster.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts one node as its own JVM ({@link ProxiedMemberMain}: its link proxy and the member, on this
 * process's own class path), in its own session so a Ctrl-C on the tool's terminal does not reach
 * it, with its log in its directory.
 */
public final class MemberLauncher {
  /** The flags Hazelcast wants on Java 17+, as in deploy/bin/swarmgrid-member. */
  private static final List<String> JVM_FLAGS =
      List.of(
          "--add-modules",
          "java.se",
          "--add-exports",
          "java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.lang=ALL-UNNAMED",
          "--add-opens",
          "java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens",
          "java.management/sun.management=ALL-UNNAMED",
          "--add-opens",
          "jdk.management/com.sun.management.internal=ALL-UNNAMED",
          "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4",
          "-Dhazelcast.phone.home.enabled=false",
          "-Dhazelcast.logging.type=slf4j",
          "-Xmx384m",
          "-XX:+UseSerialGC");

  private final ClusterLayout layout;
  private final Path clusterDir;
  private final String httpToken;
  private final boolean tokenForUserConfig;

  /**
   * @param httpToken the cluster's HTTP token
   * @param tokenForUserConfig whether a user's --config needs the token given (it has none)
   */
  public MemberLauncher(
      ClusterLayout layout, Path clusterDir, String httpToken, boolean tokenForUserConfig) {
    this.layout = layout;
    this.clusterDir = clusterDir;
    this.httpToken = httpToken;
    this.tokenForUserConfig = tokenForUserConfig;
  }

  /** Writes node i's configs and starts it. */
  public NodeState start(int i) throws IOException {
    String name = layout.nodeName(i);
    Path dir = clusterDir.resolve(name);
    Files.createDirectories(dir);
    Path hazelcastYaml = dir.resolve("hazelcast.yaml");
    Files.writeString(hazelcastYaml, MemberConfigs.hazelcast(layout, i));
    Map<String, String> env = new HashMap<>();
    Path swarmgridYaml;
    if (layout.config() == null) {
      swarmgridYaml = dir.resolve("swarmgrid.yaml");
      Files.writeString(swarmgridYaml, MemberConfigs.swarmgrid(layout, i, httpToken));
      HttpToken.ownerOnly(swarmgridYaml);
    } else {
      // The user's file for everything, the tool's names for what must differ per node.
      swarmgridYaml = layout.config().resolve("swarmgrid.yaml").toAbsolutePath();
      env.put("SWARMGRID_NODE_ID", name);
      env.put("SWARMGRID_NODE_REGION", layout.region(i));
      env.put("SWARMGRID_NODE_KEY_FILE", "keys/{node-id}.key");
      env.put("SWARMGRID_HTTP_ENABLED", "true");
      env.put("SWARMGRID_HTTP_PORT", Integer.toString(layout.httpPort(i)));
      if (tokenForUserConfig) {
        env.put("SWARMGRID_HTTP_TOKEN", httpToken);
      }
    }
    Path proxySetup = dir.resolve(LinkProxySetup.FILE);
    new LinkProxySetup(
            name,
            layout.port(i),
            layout.memberBindPort(i),
            clusterDir.resolve(NetworkRules.FILE).toString(),
            dir.resolve(LinkProxySeen.FILE).toString(),
            layout.outboundPortsByNode())
        .write(proxySetup);
    List<String> cmd = new ArrayList<>();
    if (new File("/usr/bin/setsid").canExecute()) {
      cmd.add("/usr/bin/setsid");
    }
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(JVM_FLAGS);
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ProxiedMemberMain.class.getName(),
            "--link-proxy",
            proxySetup.toString(),
            "--hazelcast",
            hazelcastYaml.toString(),
            "--swarmgrid",
            swarmgridYaml.toString()));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("member.log").toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("SWARMGRID_") && !k.equals("SWARMGRID_HOME"));
    pb.environment().putAll(env);
    Process p = pb.start();
    long started =
        p.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
    return new NodeState(
        name,
        layout.region(i),
        layout.port(i),
        layout.httpPort(i),
        p.pid(),
        started,
        dir.toString());
  }
}
