package io.swarmgrid.ml.learning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads Fashion-MNIST (the four gzipped IDX files of Zalando's release) from a directory. */
public final class FashionMnist {

  /** Where Debian's package {@code dataset-fashion-mnist} installs the full set. */
  public static final Path DEBIAN_PATH = Path.of("/usr/share/datasets/fashion-mnist");

  /** The subset shipped with SwarmGrid, relative to the repository root. */
  public static final Path SAMPLE_PATH = Path.of("deploy/samples/fashion-mnist");

  /** Training and test sets. */
  public record Split(LabelledImages train, LabelledImages test) {}

  private FashionMnist() {}

  /** Reads {@code dir}; a missing directory or file says how to get the data. */
  public static Split load(Path dir) throws IOException {
    Path trainImages = dir.resolve("train-images-idx3-ubyte.gz");
    if (!Files.isDirectory(dir) || !Files.isRegularFile(trainImages)) {
      throw new IOException(
          "Fashion-MNIST not found in "
              + dir
              + ": install Debian's package dataset-fashion-mnist (it puts the files in "
              + DEBIAN_PATH
              + "), or download the four *-ubyte.gz files from"
              + " https://github.com/zalandoresearch/fashion-mnist into a directory and pass it;"
              + " a 10,000/2,000 subset is in "
              + SAMPLE_PATH);
    }
    return new Split(
        IdxReader.read(trainImages, dir.resolve("train-labels-idx1-ubyte.gz")),
        IdxReader.read(
            dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz")));
  }
}
