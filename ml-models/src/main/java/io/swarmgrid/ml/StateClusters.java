package io.swarmgrid.ml;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Clusters of agent states by Tribuo's k-means (k-means++ start): which agents sit together, how
 * tight each group is and how far apart the groups are.
 */
public final class StateClusters {
  private static final ClusteringFactory FACTORY = new ClusteringFactory();

  private StateClusters() {}

  /**
   * One clustering.
   *
   * @param sizes agents per cluster
   * @param centroids each cluster's mean state
   * @param spread mean distance of an agent to its cluster's centroid
   * @param separation the smallest distance between two centroids
   */
  public record Clustering(
      List<Integer> sizes, List<List<Double>> centroids, double spread, double separation) {}

  /**
   * Clusters {@code states} (one vector of equal length per agent) into {@code k} groups.
   *
   * @throws IllegalArgumentException if there are fewer states than k, or vectors differ in length
   */
  public static Clustering cluster(List<double[]> states, int k, long seed) {
    if (k < 1 || states.size() < k) {
      throw new IllegalArgumentException(
          "k: " + k + " needs at least k states; got " + states.size());
    }
    int dim = states.get(0).length;
    String[] names = new String[dim];
    for (int d = 0; d < dim; d++) {
      names[d] = String.format("f%04d", d);
    }
    MutableDataset<ClusterID> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("agent-states", FACTORY), FACTORY);
    List<ArrayExample<ClusterID>> examples = new ArrayList<>();
    for (double[] s : states) {
      if (s.length != dim) {
        throw new IllegalArgumentException("state length " + s.length + " differs from " + dim);
      }
      ArrayExample<ClusterID> e =
          new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, s.clone());
      examples.add(e);
      data.add(e);
    }
    KMeansTrainer trainer =
        new KMeansTrainer(k, 100, new L2Distance(), KMeansTrainer.Initialisation.PLUSPLUS, 1, seed);
    KMeansModel model = trainer.train(data);
    int[] of = new int[states.size()];
    for (int i = 0; i < states.size(); i++) {
      of[i] = model.predict(examples.get(i)).getOutput().getID();
    }
    return summarise(states, of, k, dim);
  }

  private static Clustering summarise(List<double[]> states, int[] of, int k, int dim) {
    double[][] sums = new double[k][dim];
    int[] counts = new int[k];
    for (int i = 0; i < states.size(); i++) {
      counts[of[i]]++;
      for (int d = 0; d < dim; d++) {
        sums[of[i]][d] += states.get(i)[d];
      }
    }
    List<List<Double>> centroids = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      List<Double> centre = new ArrayList<>();
      for (int d = 0; d < dim; d++) {
        centre.add(counts[c] == 0 ? 0 : sums[c][d] / counts[c]);
      }
      centroids.add(centre);
      sizes.add(counts[c]);
    }
    double spread = 0;
    for (int i = 0; i < states.size(); i++) {
      spread += distance(states.get(i), centroids.get(of[i]));
    }
    spread /= states.size();
    double separation = Double.POSITIVE_INFINITY;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        if (counts[a] > 0 && counts[b] > 0) {
          double[] ca = centroids.get(a).stream().mapToDouble(Double::doubleValue).toArray();
          separation = Math.min(separation, distance(ca, centroids.get(b)));
        }
      }
    }
    return new Clustering(sizes, centroids, spread, separation);
  }

  private static double distance(double[] v, List<Double> centre) {
    double s = 0;
    for (int d = 0; d < v.length; d++) {
      double x = v[d] - centre.get(d);
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
