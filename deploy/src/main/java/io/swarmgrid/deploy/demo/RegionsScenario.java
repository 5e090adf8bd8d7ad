package io.swarmgrid.deploy.demo;

import com.hazelcast.map.IMap;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.region.LinkStatus;
import io.swarmgrid.deploy.local.LocalCluster;
import java.io.PrintStream;

/** Two more one-member clusters replicate {@code demo.models} both ways. */
final class RegionsScenario implements Scenario {
  @Override
  public String title(DemoContext demo) {
    return "Two regions (two more clusters): an update crossing over";
  }

  @Override
  public void run(DemoContext demo) throws Exception {
    PrintStream out = demo.out();
    try (LocalCluster eu =
            LocalCluster.start(
                "swarmgrid-demo-eu",
                demo.basePort() + 20,
                1,
                i ->
                    DemoConfigs.region(
                        "eu-west", "us-east", "swarmgrid-demo-us", demo.basePort() + 30));
        LocalCluster us =
            LocalCluster.start(
                "swarmgrid-demo-us",
                demo.basePort() + 30,
                1,
                i ->
                    DemoConfigs.region(
                        "us-east", "eu-west", "swarmgrid-demo-eu", demo.basePort() + 20));
        SwarmClient euClient =
            SwarmClient.connect(
                SwarmClientConfig.of("swarmgrid-demo-eu", eu.addresses().toArray(String[]::new)))) {
      IMap<String, String> inEu = eu.members().get(0).getMap(DemoConfigs.REGION_MAP);
      IMap<String, String> inUs = us.members().get(0).getMap(DemoConfigs.REGION_MAP);
      long start = System.nanoTime();
      inEu.set("model-1", "v1 trained in eu-west");
      demo.waitFor(
          "model-1 to reach us-east", () -> "v1 trained in eu-west".equals(inUs.get("model-1")));
      out.printf(
          "eu-west wrote model-1=v1; us-east read it %.0f ms later (cluster us-east: %s)%n",
          (System.nanoTime() - start) / 1e6, inUs.get("model-1"));
      start = System.nanoTime();
      inUs.set("model-1", "v2 tuned in us-east");
      demo.waitFor(
          "model-1 v2 to reach eu-west", () -> "v2 tuned in us-east".equals(inEu.get("model-1")));
      out.printf(
          "us-east updated model-1=v2; eu-west read it %.0f ms later; nothing sent back (no loop)%n",
          (System.nanoTime() - start) / 1e6);
      demo.waitFor(
          "a running replication status",
          () ->
              euClient
                  .regions()
                  .replication(DemoConfigs.REGION_MAP, "us-east")
                  .map(l -> l.shipped() > 0)
                  .orElse(false));
      LinkStatus link =
          euClient.regions().replication(DemoConfigs.REGION_MAP, "us-east").orElseThrow();
      out.printf(
          "link %s eu-west -> us-east: %s, shipped %d, applied %d, lag %d ms, last error: %s%n",
          link.map(),
          link.state(),
          link.shipped(),
          link.applied(),
          link.lagMillis(),
          link.lastError().isEmpty() ? "none" : link.lastError());
    }
  }
}
