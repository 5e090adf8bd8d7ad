package io.swarmgrid.ml.learning;

import java.util.List;
import java.util.Map;

/**
 * The result of aggregating a round: the new global weights, the participants whose updates were
 * used as a whole (all of them for coordinate-wise rules; the chosen ones for Krum), and each
 * participant's L2 distance from the result (what reputation uses to spot outliers).
 */
public record Aggregate(double[] weights, List<String> selected, Map<String, Double> distances) {

  /** Copies the list and the map. */
  public Aggregate {
    selected = List.copyOf(selected);
    distances = Map.copyOf(distances);
  }
}
