package io.swarmgrid.deploy.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.swarm.tsp.TspInstance;
import io.swarmgrid.tasks.swarm.tsp.Tsplib;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code swarm tsp} on a local 3-member cluster: the TOUR line and a valid tour file. */
class TspCommandTest {
  @TempDir Path dir;

  @Test
  void tsp_printsTheTourLine_andWritesAValidTour() {
    Path tour = dir.resolve("berlin52.tour");
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      code =
          new CommandLine(new SwarmCommand())
              .execute(
                  "tsp",
                  "../deploy/samples/tsplib/berlin52.tsp",
                  "--seconds",
                  "60",
                  "--stop-at",
                  "7617",
                  "--tour",
                  tour.toString(),
                  "--base-port",
                  Integer.toString(EmbeddedCluster.BASE_PORT + 60));
    } finally {
      System.setOut(stdout);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    System.out.print(out);
    assertThat(code).isZero();
    assertThat(out).containsPattern("TOUR berlin52 length=\\d+ seconds=\\d+\\.\\d");
    TspInstance berlin = Tsplib.readInstance(Path.of("../deploy/samples/tsplib/berlin52.tsp"));
    int[] written = Tsplib.readTour(tour);
    long length = berlin.tourLength(written);
    assertThat(out).contains("length=" + length + " ");
    assertThat(length).isLessThanOrEqualTo(7617);
  }
}
