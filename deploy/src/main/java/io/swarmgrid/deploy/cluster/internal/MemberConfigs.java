package io.swarmgrid.deploy.cluster.internal;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The {@code hazelcast.yaml} and {@code swarmgrid.yaml} each node of a local cluster starts with.
 */
public final class MemberConfigs {
  private MemberConfigs() {}

  /** Node i's hazelcast.yaml: the plugin import, its port, and every node on the member list. */
  public static String hazelcast(ClusterLayout layout, int i) {
    String members =
        IntStream.rangeClosed(1, layout.nodes())
            .mapToObj(n -> "          - 127.0.0.1:" + layout.port(n))
            .collect(Collectors.joining("\n"));
    return """
        # Written by ./swarmgrid cluster start for %s; rewritten on every start.
        hazelcast:
          import:
            - classpath:swarmgrid-member.yaml
          cluster-name: %s
          jet:
            enabled: true
            resource-upload-enabled: true
          cp-subsystem:
            cp-member-count: %d
          properties:
            hazelcast.phone.home.enabled: false
            hazelcast.logging.type: slf4j
            hazelcast.max.no.heartbeat.seconds: 10
            # A CP member whose group lost a member can wait long to leave it: give up after 30 s
            # (the default is 600 s), within the 60 s 'cluster stop' waits before a SIGKILL.
            hazelcast.graceful.shutdown.max.wait: 30
            # After a network partition heals (chaos --partition), the sides merge within seconds
            # rather than the default 5 minutes.
            hazelcast.merge.first.run.delay.seconds: 10
            hazelcast.merge.next.run.delay.seconds: 5
          network:
            # A restarted cluster binds its ports again while the old connections are in TIME_WAIT.
            reuse-address: true
            # The member binds its own port and advertises its link proxy's, which every member
            # and client connection passes (chaos --partition, --slow); its outbound ports are its
            # own range, so the other nodes' proxies know its connections.
            public-address: 127.0.0.1:%d
            port:
              port: %d
              auto-increment: false
            outbound-ports:
              - %s
            interfaces:
              enabled: true
              interfaces: [127.0.0.1]
            join:
              multicast:
                enabled: false
              auto-detection:
                enabled: false
              tcp-ip:
                enabled: true
                member-list:
        %s
        """
        .formatted(
            layout.nodeName(i),
            layout.clusterName(),
            layout.cpMembers(),
            layout.port(i),
            layout.memberBindPort(i),
            layout.outboundPorts(i).text(),
            members);
  }

  /**
   * The tool's own swarmgrid.yaml for node i: every engine the workloads and the checker use,
   * enough backups that half of the nodes may die at once, and the HTTP API on its own port with
   * the cluster's token.
   */
  public static String swarmgrid(ClusterLayout layout, int i, String httpToken) {
    return """
        # Written by ./swarmgrid cluster start for %s; rewritten on every start.
        swarmgrid:
          node:
            id: %s
            region: %s
            key-file: keys/{node-id}.key
            heartbeat-seconds: 2
          engines:
            consensus: %s
            fault: true
            messaging: true
            diffusion: true
            balance: true
            swarm: true
          storage:
            backup-count: %d
          fault:
            recovery-grace-seconds: 1
          http:
            enabled: true
            port: %d
            token: "%s"
        """
        .formatted(
            layout.nodeName(i),
            layout.nodeName(i),
            layout.region(i),
            layout.cpMembers() > 0,
            layout.backups(),
            layout.httpPort(i),
            httpToken);
  }
}
