package io.swarmgrid.ml.learning;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the MNIST / Fashion-MNIST format: a magic number {@code 0x000008nn} for unsigned
 * bytes with {@code nn} dimensions, the big-endian size of each, then the data), gzipped or not.
 * Errors name the file and what was wrong in it.
 */
public final class IdxReader {

  private static final int UNSIGNED_BYTE = 0x08;

  private IdxReader() {}

  /** Reads an image file (3 dimensions) and its label file (1 dimension) into one set. */
  public static LabelledImages read(Path images, Path labels) throws IOException {
    Idx img = readIdx(images);
    Idx lab = readIdx(labels);
    if (img.dims().length != 3) {
      throw new IOException(
          images + ": expected 3 dimensions (count, rows, cols), found " + img.dims().length);
    }
    if (lab.dims().length != 1) {
      throw new IOException(labels + ": expected 1 dimension (count), found " + lab.dims().length);
    }
    if (img.dims()[0] != lab.dims()[0]) {
      throw new IOException(
          images
              + " has "
              + img.dims()[0]
              + " images but "
              + labels
              + " has "
              + lab.dims()[0]
              + " labels");
    }
    return new LabelledImages(img.dims()[0], img.dims()[1], img.dims()[2], img.data(), lab.data());
  }

  private record Idx(int[] dims, byte[] data) {}

  private static Idx readIdx(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": no such file");
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(open(file), 1 << 16))) {
      int magic;
      try {
        magic = in.readInt();
      } catch (EOFException e) {
        throw new IOException(file + ": empty, not an IDX file", e);
      }
      if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != UNSIGNED_BYTE) {
        throw new IOException(
            file
                + ": magic number 0x"
                + Integer.toHexString(magic)
                + " is not an IDX file of unsigned bytes (0x000008nn)");
      }
      int n = magic & 0xff;
      if (n < 1 || n > 4) {
        throw new IOException(file + ": " + n + " dimensions, expected 1 to 4");
      }
      int[] dims = new int[n];
      long size = 1;
      for (int i = 0; i < n; i++) {
        dims[i] = in.readInt();
        if (dims[i] < 0) {
          throw new IOException(file + ": dimension " + i + " is negative (" + dims[i] + ")");
        }
        size *= dims[i];
      }
      if (size > Integer.MAX_VALUE - 8) {
        throw new IOException(file + ": " + size + " bytes of data is too large");
      }
      byte[] data = new byte[(int) size];
      try {
        in.readFully(data);
      } catch (EOFException e) {
        throw new IOException(
            file + ": truncated, the header promises " + size + " bytes of data", e);
      }
      return new Idx(dims, data);
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
  }
}
