package io.swarmgrid.ml.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

  static final Path SAMPLE = Path.of("../deploy/samples/fashion-mnist");

  @TempDir Path dir;

  @Test
  void sample_hasTenThousandTrainAndTwoThousandTestImages() throws IOException {
    FashionMnist.Split split = FashionMnist.load(SAMPLE);
    assertThat(split.train().count()).isEqualTo(10_000);
    assertThat(split.test().count()).isEqualTo(2_000);
    assertThat(split.train().rows()).isEqualTo(28);
    assertThat(split.train().cols()).isEqualTo(28);
    // first training image of Fashion-MNIST is an ankle boot (class 9), first test image too
    assertThat(split.train().label(0)).isEqualTo(9);
    assertThat(split.test().label(0)).isEqualTo(9);
  }

  @Test
  void read_smallFile_givesPixelsAndLabels() throws IOException {
    Path images = write("i.gz", idx(3, new int[] {2, 1, 2}, new byte[] {0, (byte) 255, 1, 2}));
    Path labels = write("l.gz", idx(1, new int[] {2}, new byte[] {3, 7}));
    LabelledImages read = IdxReader.read(images, labels);
    assertThat(read.count()).isEqualTo(2);
    assertThat(read.pixel(0, 1)).isEqualTo(1.0);
    assertThat(read.label(1)).isEqualTo(7);
  }

  @Test
  void read_truncatedFile_namesFileAndPromisedSize() throws IOException {
    Path images = write("i.gz", idx(3, new int[] {2, 2, 2}, new byte[] {1, 2, 3}));
    Path labels = write("l.gz", idx(1, new int[] {2}, new byte[] {3, 7}));
    assertThatThrownBy(() -> IdxReader.read(images, labels))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("i.gz")
        .hasMessageContaining("truncated")
        .hasMessageContaining("8 bytes");
  }

  @Test
  void read_badMagic_isRefused() throws IOException {
    Path images = write("i.gz", new byte[] {0x50, 0x4b, 3, 4, 0, 0, 0, 0});
    Path labels = write("l.gz", idx(1, new int[] {2}, new byte[] {3, 7}));
    assertThatThrownBy(() -> IdxReader.read(images, labels))
        .hasMessageContaining("magic number 0x504b0304");
  }

  @Test
  void read_countsDisagree_namesBothFiles() throws IOException {
    Path images = write("i.gz", idx(3, new int[] {1, 1, 1}, new byte[] {1}));
    Path labels = write("l.gz", idx(1, new int[] {2}, new byte[] {3, 7}));
    assertThatThrownBy(() -> IdxReader.read(images, labels))
        .hasMessageContaining("1 images")
        .hasMessageContaining("2 labels");
  }

  @Test
  void load_missingDirectory_saysHowToGetTheData() {
    assertThatThrownBy(() -> FashionMnist.load(dir.resolve("nothing")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("dataset-fashion-mnist")
        .hasMessageContaining("/usr/share/datasets/fashion-mnist");
  }

  private static byte[] idx(int dims, int[] sizes, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims + data.length);
    b.putInt(0x0800 | dims);
    for (int s : sizes) {
      b.putInt(s);
    }
    b.put(data);
    return b.array();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(bytes);
    }
    return p;
  }
}
