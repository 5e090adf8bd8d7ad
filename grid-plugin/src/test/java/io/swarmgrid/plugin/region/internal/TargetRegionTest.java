package io.swarmgrid.plugin.region.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.plugin.hazelcast.ValueHash;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A writer's client to a region that is gone fails each delivery at once (it is offline), and the
 * member's shutdown terminates that client while the writer retries. In Hazelcast 5.4 a client's
 * shutdown waits for a proxy being made and rethrows its failure: the shutdown stopped half way,
 * its threads reconnecting forever, and the exception ended the member's own shutdown (a CI run of
 * {@code RegionFailuresTest} failed so). Seen in three of four rounds before the fix.
 */
class TargetRegionTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(1);

  @Test
  void terminate_whileADeliveryFailsOffline_endsTheClientWholly() throws Exception {
    for (int round = 0; round < 8; round++) {
      Link link = linkToNowhere("tr" + round);
      ScheduledExecutorService timer = TargetRegion.timer(link);
      TargetRegion target = new TargetRegion(link, new ValueHash(cluster.member(0)), timer);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger failed = new AtomicInteger();
      Thread writer =
          new Thread(
              () -> {
                while (!stop.get()) {
                  try {
                    target.digests(4);
                  } catch (RuntimeException offline) {
                    failed.incrementAndGet();
                  }
                }
              });
      writer.start();
      try {
        await().until(() -> failed.get() > 10);
        assertThatCode(target::terminate).doesNotThrowAnyException();
      } finally {
        stop.set(true);
        writer.join();
        timer.shutdownNow();
      }
      String clientName = link.source() + "-to-" + link.target() + "-";
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Thread.getAllStackTraces().keySet().stream()
                      .noneMatch(t -> t.getName().contains(clientName)));
    }
  }

  private static Link linkToNowhere(String source) throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    return new Link(
        "items",
        source,
        "gone",
        "nobody",
        List.of("127.0.0.1:" + port),
        "latest-update",
        "",
        60,
        100,
        1000,
        1000,
        60_000,
        10_000);
  }
}
