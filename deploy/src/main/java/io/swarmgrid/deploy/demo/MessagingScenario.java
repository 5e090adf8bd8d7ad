package io.swarmgrid.deploy.demo;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.node.NodeRegistry;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A backlog delivered Emergency first, a request/response, and the delivery stats. */
final class MessagingScenario implements Scenario {
  @Override
  public String title(DemoContext demo) {
    return "Messaging (per-node priority inboxes in the grid)";
  }

  @Override
  public void run(DemoContext demo) throws Exception {
    PrintStream out = demo.out();
    SwarmClient client = demo.client();
    try (Mailbox ops = client.messenger("ops", "eu-west", NodeTier.CLOUD);
        Mailbox drone = client.messenger("drone-1", "us-east", NodeTier.EDGE)) {
      for (int i = 0; i < 5; i++) {
        ops.send(
            "drone-1",
            MessageType.STATE_SYNC,
            Priority.LOW,
            ("map tile " + i).getBytes(StandardCharsets.UTF_8));
      }
      ops.send(
          "drone-1",
          MessageType.TASK_ASSIGNMENT,
          Priority.NORMAL,
          "survey sector 7".getBytes(StandardCharsets.UTF_8));
      ops.send(
          "drone-1",
          MessageType.EMERGENCY_ALERT,
          Priority.EMERGENCY,
          "return to base".getBytes(StandardCharsets.UTF_8));
      List<String> order = Collections.synchronizedList(new ArrayList<>());
      drone.subscribe(
          m -> {
            if (m.type() == MessageType.REQUEST) {
              drone.reply(m, "battery 87%".getBytes(StandardCharsets.UTF_8));
            } else {
              order.add(m.priority() + ":" + m.text());
            }
          });
      demo.waitFor("the drone's backlog delivered", () -> order.size() == 7);
      out.println(
          "queued 5 Low, 1 Normal, 1 Emergency while drone-1 was away; it received, in order:");
      out.println("  " + String.join(" | ", order));
      ops.subscribe(m -> {});
      var reply =
          ops.request(
                  "drone-1",
                  MessageType.REQUEST,
                  Priority.HIGH,
                  "status?".getBytes(StandardCharsets.UTF_8),
                  Duration.ofSeconds(10))
              .get(20, TimeUnit.SECONDS);
      out.println("request/response: ops asked drone-1 'status?' -> '" + reply.text() + "'");
      var stats = drone.stats();
      out.printf(
          "drone-1 stats: delivered %d, duplicates %d, missed deadlines %d, Emergency latency p50 %.2f ms%n",
          stats.delivered(),
          stats.duplicates(),
          stats.missedDeadlines(),
          stats.latency().get(Priority.EMERGENCY).p50Millis());
      new NodeRegistry(client.hazelcast()).markGone("ops", System.currentTimeMillis(), 60);
      new NodeRegistry(client.hazelcast()).markGone("drone-1", System.currentTimeMillis(), 60);
    }
  }
}
