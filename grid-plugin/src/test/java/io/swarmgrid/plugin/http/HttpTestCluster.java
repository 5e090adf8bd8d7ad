package io.swarmgrid.plugin.http;

import io.swarmgrid.config.DiffusionConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.HttpConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Path;
import java.util.EnumSet;

/** Members with the HTTP server on, for the API and dashboard tests. */
final class HttpTestCluster {
  /** The token every test member takes. */
  static final String TOKEN = "test-token-0123456789abcdef";

  /**
   * First HTTP port of the test members: {@code -Dswarmgrid.test.httpPort}, default 18300; each
   * parallel test JVM takes the next 100 ports.
   */
  static final int HTTP_BASE =
      Integer.getInteger("swarmgrid.test.httpPort", 18300) + 100 * EmbeddedCluster.FORK_INDEX;

  private HttpTestCluster() {}

  /**
   * {@code size} members with CP, engines consensus, fault, balance, diffusion, propagation and
   * learning (two virtual nodes each), HTTP on {@code HTTP_BASE + offset + i}.
   */
  static EmbeddedCluster of(int size, int offset, Path keys) {
    return EmbeddedCluster.of(size)
        .cpMembers(3)
        .keep(
            "swarm.nodes",
            "swarm.reputation",
            "swarm.evidence",
            "swarm.content",
            "swarm.tasks",
            "swarm.diffusion.topology",
            "swarm.diffusion.tasks",
            "swarm.diffusion.shares",
            "swarm.diffusion.visits",
            "swarm.diffusion.exec",
            "swarm.diffusion.inbox.n0",
            "swarm.diffusion.inbox.n1",
            "swarm.diffusion.inbox.n2",
            "swarm.diffusion.inbox.n3")
        .configure(
            (i, c) ->
                SwarmGrid.enable(
                    c,
                    SwarmGridConfig.custom()
                        .node(
                            NodeConfig.custom()
                                .id("n" + i)
                                .keyFile(keys.resolve("{node-id}.key").toString())
                                .build())
                        .engines(
                            EnginesConfig.of(
                                EnumSet.of(
                                    EngineKind.CONSENSUS,
                                    EngineKind.FAULT,
                                    EngineKind.BALANCE,
                                    EngineKind.DIFFUSION,
                                    EngineKind.PROPAGATION,
                                    EngineKind.LEARNING)))
                        .diffusion(
                            DiffusionConfig.custom()
                                .virtualNodes(2)
                                .topologyRefreshMillis(200)
                                .workerThreads(1)
                                .build())
                        .http(
                            HttpConfig.custom()
                                .enabled(true)
                                .port(HTTP_BASE + offset + i)
                                .token(TOKEN)
                                .maxBodyBytes(4096)
                                .pageSizeLimit(50)
                                .build())
                        .build()));
  }
}
