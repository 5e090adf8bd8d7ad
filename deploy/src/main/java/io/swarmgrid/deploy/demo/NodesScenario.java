package io.swarmgrid.deploy.demo;

import io.swarmgrid.client.cli.SwarmCli;

/** The node registry, members and CP members, as {@code ./swarmgrid status} prints them. */
final class NodesScenario implements Scenario {
  @Override
  public String title(DemoContext demo) {
    return "Nodes (swarm.nodes, read through SwarmClient)";
  }

  @Override
  public void run(DemoContext demo) {
    SwarmCli.printStatus(demo.client().status(), demo.out());
  }
}
