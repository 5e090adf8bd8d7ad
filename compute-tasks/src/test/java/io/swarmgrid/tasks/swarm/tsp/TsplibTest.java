package io.swarmgrid.tasks.swarm.tsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reader and TSPLIB's distance functions against the shipped optimal tours. */
class TsplibTest {
  static final Path TSPLIB = Path.of("../deploy/samples/tsplib");

  @ParameterizedTest
  @CsvSource({"berlin52, EUC_2D, 52, 7542", "att48, ATT, 48, 10628", "pr76, EUC_2D, 76, 108159"})
  void optimalTours_haveTheirPublishedLengths(
      String name, EdgeWeightType type, int dimension, long optimum) {
    TspInstance tsp = Tsplib.readInstance(TSPLIB.resolve(name + ".tsp"));
    assertThat(tsp.name()).isEqualTo(name);
    assertThat(tsp.type()).isEqualTo(type);
    assertThat(tsp.dimension()).isEqualTo(dimension);
    int[] tour = Tsplib.readTour(TSPLIB.resolve(name + ".opt.tour"));
    assertThat(tsp.tourLength(tour)).isEqualTo(optimum);
  }

  @Test
  void geo_matchesBurma14() {
    // burma14 (TSPLIB, GEO): the first row of its distance matrix and its optimum, 3323.
    double[][] coords = {
      {16.47, 96.10}, {16.47, 94.44}, {20.09, 92.54}, {22.39, 93.37}, {25.23, 97.24},
      {22.00, 96.05}, {20.47, 97.02}, {17.20, 96.29}, {16.30, 97.38}, {14.05, 98.12},
      {16.53, 97.38}, {21.52, 95.59}, {19.41, 97.13}, {20.09, 94.55}
    };
    List<City> cities = new ArrayList<>();
    for (int i = 0; i < coords.length; i++) {
      cities.add(new City(i + 1, coords[i][0], coords[i][1]));
    }
    TspInstance burma = new TspInstance("burma14", "", EdgeWeightType.GEO, cities);
    int[] row = new int[14];
    for (int j = 0; j < 14; j++) {
      row[j] = burma.distance(0, j);
    }
    assertThat(row)
        .containsExactly(1, 153, 510, 706, 966, 581, 455, 70, 160, 372, 157, 567, 342, 398);
    int[] opt = {0, 1, 13, 2, 3, 4, 5, 11, 6, 12, 7, 10, 8, 9};
    assertThat(burma.tourLength(opt)).isEqualTo(3323);
  }

  @Test
  void attAndCeil_roundAsTsplibSays() {
    City a = new City(1, 0, 0);
    // sqrt(100/10) = 3.162...: nint 3 < r, so 4.
    assertThat(EdgeWeightType.ATT.distance(a, new City(2, 10, 0))).isEqualTo(4);
    // sqrt(90/10) = 3 exactly.
    assertThat(EdgeWeightType.ATT.distance(a, new City(2, 9, 3))).isEqualTo(3);
    assertThat(EdgeWeightType.EUC_2D.distance(a, new City(2, 1, 1))).isEqualTo(1);
    assertThat(EdgeWeightType.EUC_2D.distance(a, new City(2, 1.5, 1.5))).isEqualTo(2);
    assertThat(EdgeWeightType.CEIL_2D.distance(a, new City(2, 1, 1))).isEqualTo(2);
  }

  @Test
  void malformedFiles_nameTheLine() {
    List<String> header =
        List.of("NAME : bad", "TYPE : TSP", "DIMENSION : 2", "EDGE_WEIGHT_TYPE : EUC_2D");
    assertThatThrownBy(
            () ->
                Tsplib.parseInstance(
                    "bad.tsp", with(header, "NODE_COORD_SECTION", "1 0 0", "2 x 1")))
        .isInstanceOf(TsplibFormatException.class)
        .hasMessage("bad.tsp line 7: x 'x' is not a number");
    assertThatThrownBy(
            () ->
                Tsplib.parseInstance(
                    "bad.tsp", with(header, "NODE_COORD_SECTION", "1 0 0", "3 1 1")))
        .hasMessageContaining("line 7")
        .hasMessageContaining("node id 3 out of order");
    assertThatThrownBy(
            () -> Tsplib.parseInstance("bad.tsp", with(header, "NODE_COORD_SECTION", "1 0 0")))
        .hasMessageContaining("DIMENSION is 2 but 1 nodes were read");
    assertThatThrownBy(
            () ->
                Tsplib.parseInstance(
                    "bad.tsp",
                    List.of("NAME : bad", "EDGE_WEIGHT_TYPE : EXPLICIT", "NODE_COORD_SECTION")))
        .hasMessageContaining("line 2")
        .hasMessageContaining("EXPLICIT");
    assertThatThrownBy(
            () -> Tsplib.parseTour("bad.tour", List.of("NAME : t", "TOUR_SECTION", "1", "zero")))
        .hasMessage("bad.tour line 4: node id 'zero' is not a positive integer");
  }

  private static List<String> with(List<String> header, String... more) {
    List<String> lines = new ArrayList<>(header);
    lines.addAll(List.of(more));
    return lines;
  }
}
