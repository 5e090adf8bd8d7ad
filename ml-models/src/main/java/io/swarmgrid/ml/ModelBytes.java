package io.swarmgrid.ml;

import io.swarmgrid.ml.internal.ModelChecks;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.protos.core.ModelProto;

/**
 * Converts Tribuo models to bytes and back with Tribuo's protobuf format ({@link
 * Model#serialize()}, {@link Model#deserialize(ModelProto)}), not Java serialization. The bytes can
 * be stored in the grid (e.g. {@code swarm.models}) and read by any member running the same Tribuo
 * major version.
 *
 * <p>Reading refuses bytes that are not a protobuf {@code ModelProto} or whose top-level class is
 * not in package {@code org.tribuo}. Tribuo itself loads the nested classes a model names, so bytes
 * should still come from a trusted store; check them against {@link #sha256Hex(byte[])}.
 */
public final class ModelBytes {

  private static final String TRIBUO_PACKAGE = "org.tribuo.";

  private ModelBytes() {}

  /** Serialises a trained Tribuo model to protobuf bytes. */
  public static byte[] toBytes(Model<?> model) {
    ModelChecks.notNull("model", model);
    return model.serialize().toByteArray();
  }

  /**
   * Reads a model written by {@link #toBytes(Model)}.
   *
   * @throws IllegalArgumentException if the bytes are not a Tribuo model
   */
  public static Model<?> fromBytes(byte[] bytes) {
    ModelChecks.notNull("bytes", bytes);
    ModelProto proto;
    try {
      proto = ModelProto.parseFrom(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "bytes are not a Tribuo model (" + bytes.length + " bytes): " + e.getMessage(), e);
    }
    String className = proto.getClassName();
    if (!className.startsWith(TRIBUO_PACKAGE) || !proto.hasSerializedData()) {
      throw new IllegalArgumentException(
          "bytes are not a Tribuo model ("
              + bytes.length
              + " bytes): class name '"
              + abbreviate(className)
              + "' is not in "
              + TRIBUO_PACKAGE
              + " or the model data is missing");
    }
    try {
      return Model.deserialize(proto);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "bytes name Tribuo class "
              + className
              + " but could not be read as a model: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Reads a model and checks its output type, e.g. {@code Label.class} or {@code Regressor.class}.
   *
   * @throws IllegalArgumentException if the bytes are not a Tribuo model of that output type
   */
  public static <T extends Output<T>> Model<T> fromBytes(byte[] bytes, Class<T> outputType) {
    ModelChecks.notNull("outputType", outputType);
    Model<?> model = fromBytes(bytes);
    if (!model.validate(outputType)) {
      throw new IllegalArgumentException(
          "bytes hold a model "
              + model.getClass().getName()
              + " whose output is not "
              + outputType.getName());
    }
    return model.castModel(outputType);
  }

  /** SHA-256 of the bytes as 64 lower-case hex characters. */
  public static String sha256Hex(byte[] bytes) {
    ModelChecks.notNull("bytes", bytes);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
