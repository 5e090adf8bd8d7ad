package io.swarmgrid.deploy.demo;

/** One part of the demo's report: a titled section that drives the cluster and prints. */
interface Scenario {
  /** The section's title. */
  String title(DemoContext demo);

  /** Runs the scenario and prints what it shows. */
  void run(DemoContext demo) throws Exception;
}
