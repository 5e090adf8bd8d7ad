package io.swarmgrid.tasks.pipeline;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.tasks.internal.ClusterFactory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Run on a member before a workload job: lists the files matching a glob in a directory as the
 * member sees them, or says what is wrong (missing directory, unreadable file, no match). Returns a
 * Compact value to the client.
 */
public final class InputCheck implements Callable<InputCheck.Listing>, IdentifiedDataSerializable {
  private String directory;
  private String glob;

  /** For deserialization only. */
  public InputCheck() {}

  /** Checks {@code glob} in {@code directory}. */
  public InputCheck(String directory, String glob) {
    this.directory = directory;
    this.glob = glob;
  }

  /**
   * The outcome.
   *
   * @param files the matching regular files, sorted
   * @param error what is wrong, naming the field and value; {@code null} if nothing
   * @param cores the member's available processors, for sizing a job's local parallelism
   */
  public static final class Listing implements IdentifiedDataSerializable {
    private List<String> files;
    private String error;
    private int cores;

    /** For deserialization only. */
    public Listing() {}

    /** The value. */
    public Listing(List<String> files, String error, int cores) {
      this.files = List.copyOf(files);
      this.error = error;
      this.cores = cores;
    }

    /** The files. */
    public List<String> files() {
      return files;
    }

    /** The error. */
    public String error() {
      return error;
    }

    /** The member's available processors. */
    public int cores() {
      return cores;
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.CLUSTER;
    }

    @Override
    public int getClassId() {
      return ClusterFactory.LISTING;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeStringArray(files.toArray(new String[0]));
      out.writeString(error);
      out.writeInt(cores);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      files = List.of(in.readStringArray());
      error = in.readString();
      cores = in.readInt();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Listing v
          && Objects.equals(files, v.files)
          && Objects.equals(error, v.error)
          && cores == v.cores;
    }

    @Override
    public int hashCode() {
      return Objects.hash(files, error, cores);
    }

    @Override
    public String toString() {
      return "Listing[files=" + files + ", error=" + error + ", cores=" + cores + "]";
    }
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CLUSTER;
  }

  @Override
  public int getClassId() {
    return ClusterFactory.INPUT_CHECK;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(directory);
    out.writeString(glob);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    directory = in.readString();
    glob = in.readString();
  }

  @Override
  public Listing call() {
    Path dir = Path.of(directory);
    if (!Files.isDirectory(dir)) {
      return new Listing(
          List.of(),
          "input.directory: '" + directory + "' is not a directory on the member",
          cores());
    }
    List<String> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
      for (Path f : stream) {
        if (!Files.isRegularFile(f)) {
          continue;
        }
        if (!Files.isReadable(f)) {
          return new Listing(
              List.of(), "input.file: '" + f + "' is not readable on the member", cores());
        }
        files.add(f.toString());
      }
    } catch (IOException | RuntimeException e) {
      return new Listing(
          List.of(),
          "input.glob: cannot list '" + glob + "' in '" + directory + "': " + e.getMessage(),
          cores());
    }
    if (files.isEmpty()) {
      return new Listing(
          List.of(), "input.glob: no file matches '" + glob + "' in '" + directory + "'", cores());
    }
    files.sort(null);
    return new Listing(List.copyOf(files), null, cores());
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }
}
