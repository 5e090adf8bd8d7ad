package io.swarmgrid.ml.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The byte layout SwarmGrid models are stored in: magic {@code "SGML"}, a kind, a format version,
 * then a body written by the model itself (metrics, scaler, Tribuo model bytes). Reading checks all
 * three and that nothing trails the body; any failure becomes an {@link IllegalArgumentException}.
 */
public final class Envelope {

  /** "SGML" in ASCII. */
  public static final int MAGIC = 0x53474D4C;

  /** Format version written by this code. */
  public static final int VERSION = 1;

  /** Kind of a {@code DecisionOutcomeModel}. */
  public static final int KIND_DECISION_OUTCOME = 1;

  /** Kind of a {@code LoadPredictor} model. */
  public static final int KIND_LOAD_PREDICTOR = 2;

  private Envelope() {}

  /** Writes a body. */
  @FunctionalInterface
  public interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  /** Reads a body. */
  @FunctionalInterface
  public interface Reader<R> {
    R read(DataInputStream in) throws IOException;
  }

  public static byte[] write(int kind, Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeByte(kind);
      out.writeShort(VERSION);
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return bytes.toByteArray();
  }

  public static <R> R read(byte[] bytes, int kind, String what, Reader<R> reader) {
    if (bytes == null) {
      throw new IllegalArgumentException("bytes must not be null");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int magic = in.readInt();
      if (magic != MAGIC) {
        throw new IOException(String.format("magic 0x%08X, expected 0x%08X", magic, MAGIC));
      }
      int readKind = in.readUnsignedByte();
      if (readKind != kind) {
        throw new IOException("model kind " + readKind + ", expected " + kind);
      }
      int version = in.readUnsignedShort();
      if (version != VERSION) {
        throw new IOException("format version " + version + ", this code reads " + VERSION);
      }
      R result = reader.read(in);
      if (in.available() > 0) {
        throw new IOException(in.available() + " trailing bytes");
      }
      return result;
    } catch (IOException | RuntimeException e) {
      // one message shape for every failure: what was expected, how many bytes, what was wrong
      throw new IllegalArgumentException(
          "bytes are not a valid stored " + what + " (" + bytes.length + " bytes): " + e, e);
    }
  }

  /** Writes a length-prefixed byte array. */
  public static void writeBlob(DataOutputStream out, byte[] blob) throws IOException {
    out.writeInt(blob.length);
    out.write(blob);
  }

  /** Reads a length-prefixed byte array, refusing a length beyond what is left. */
  public static byte[] readBlob(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("blob length " + length + " but " + in.available() + " bytes left");
    }
    byte[] blob = new byte[length];
    in.readFully(blob);
    return blob;
  }

  /** Reads a count that must lie in {@code [0, max]}. */
  public static int readCount(DataInputStream in, String what, int max) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > max) {
      throw new IOException(what + " count " + count + " outside [0, " + max + "]");
    }
    return count;
  }
}
