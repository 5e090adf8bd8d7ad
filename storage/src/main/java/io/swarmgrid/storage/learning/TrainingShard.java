package io.swarmgrid.storage.learning;

import java.util.Arrays;
import java.util.Objects;

/**
 * One shard of a training set in {@code swarm.learning.data}, key {@link #key}: {@code count}
 * images of {@code rows x cols} unsigned bytes one after another, and their labels. Compact type
 * name {@code swarmgrid.TrainingShard}. Trained on only by the member that owns its partition.
 *
 * @param dataName the data set the shard belongs to
 * @param shard 0-based shard index
 * @param rows image rows
 * @param cols image columns
 * @param pixels {@code count * rows * cols} bytes
 * @param labels one byte per image
 */
public record TrainingShard(
    String dataName, int shard, int rows, int cols, byte[] pixels, byte[] labels) {

  /** Checks the sizes agree. */
  public TrainingShard {
    Objects.requireNonNull(dataName, "dataName");
    if (pixels.length != labels.length * rows * cols) {
      throw new IllegalArgumentException(
          "pixels: "
              + pixels.length
              + " bytes, expected "
              + labels.length
              + " images x "
              + rows
              + " x "
              + cols);
    }
  }

  /** The map key of shard {@code shard} of {@code dataName}. */
  public static String key(String dataName, int shard) {
    return dataName + "/" + shard;
  }

  /** Images in the shard. */
  public int count() {
    return labels.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingShard s
        && dataName.equals(s.dataName)
        && shard == s.shard
        && rows == s.rows
        && cols == s.cols
        && Arrays.equals(pixels, s.pixels)
        && Arrays.equals(labels, s.labels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dataName, shard, rows, cols, Arrays.hashCode(labels));
  }

  @Override
  public String toString() {
    return "TrainingShard[" + dataName + "/" + shard + ", " + count() + " images]";
  }
}
