package io.swarmgrid.ml.learning;

import java.util.Arrays;

/**
 * Grey images with class labels, as read from an IDX pair: {@code count} images of {@code rows x
 * cols} unsigned bytes, row-major and one after the other in {@code pixels}, and one label byte per
 * image.
 */
public record LabelledImages(int count, int rows, int cols, byte[] pixels, byte[] labels) {

  /** Checks that the arrays hold exactly {@code count} images and labels. */
  public LabelledImages {
    if (count < 0 || rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException(
          "count/rows/cols must be >= 0/> 0/> 0, was " + count + "/" + rows + "/" + cols);
    }
    if (pixels.length != (long) count * rows * cols) {
      throw new IllegalArgumentException(
          "pixels has " + pixels.length + " bytes, expected " + ((long) count * rows * cols));
    }
    if (labels.length != count) {
      throw new IllegalArgumentException("labels has " + labels.length + ", expected " + count);
    }
  }

  /** Pixels per image. */
  public int features() {
    return rows * cols;
  }

  /** The label of image {@code i} (0..255, 0..9 for Fashion-MNIST). */
  public int label(int i) {
    return labels[i] & 0xff;
  }

  /** Pixel {@code j} of image {@code i} scaled to [0, 1]. */
  public double pixel(int i, int j) {
    return (pixels[i * features() + j] & 0xff) / 255.0;
  }

  /** The images {@code from} (inclusive) to {@code to} (exclusive) as a new set. */
  public LabelledImages slice(int from, int to) {
    if (from < 0 || to > count || from > to) {
      throw new IllegalArgumentException(
          "slice [" + from + ", " + to + ") is outside [0, " + count + ")");
    }
    int f = features();
    return new LabelledImages(
        to - from,
        rows,
        cols,
        Arrays.copyOfRange(pixels, from * f, to * f),
        Arrays.copyOfRange(labels, from, to));
  }

  /** The pixels of image {@code i}, a copy. */
  public byte[] image(int i) {
    int f = features();
    return Arrays.copyOfRange(pixels, i * f, (i + 1) * f);
  }
}
