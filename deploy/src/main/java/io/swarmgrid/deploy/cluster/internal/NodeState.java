package io.swarmgrid.deploy.cluster.internal;

import java.nio.file.Path;

/**
 * One member process of a local cluster, as the state file keeps it.
 *
 * @param name the node id, {@code node-1}..{@code node-N}
 * @param region its region
 * @param port its Hazelcast member port on 127.0.0.1
 * @param httpPort its HTTP port on 127.0.0.1 (API, dashboard, {@code /health/live}), 0 if none
 * @param pid its process id
 * @param startedAt the process's start time in epoch millis, so a reused pid is never signalled
 * @param dir its working directory (config, key file, log)
 */
public record NodeState(
    String name, String region, int port, int httpPort, long pid, long startedAt, String dir) {

  /** {@code 127.0.0.1:port}. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /** {@code http://127.0.0.1:httpPort}, or "-" when it serves no HTTP. */
  public String httpUrl() {
    return httpPort == 0 ? "-" : "http://127.0.0.1:" + httpPort;
  }

  /** The member's log file. */
  public Path log() {
    return Path.of(dir).resolve("member.log");
  }
}
