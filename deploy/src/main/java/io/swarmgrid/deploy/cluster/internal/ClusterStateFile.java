package io.swarmgrid.deploy.cluster.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** The cluster directory's {@code cluster.json}: written by {@code start}, read by the rest. */
public final class ClusterStateFile {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  public ClusterStateFile(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The cluster directory. */
  public Path dir() {
    return dir;
  }

  private Path file() {
    return dir.resolve("cluster.json");
  }

  /** The state, if a cluster was started in this directory. */
  public Optional<ClusterState> read() {
    if (!Files.isRegularFile(file())) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file().toFile(), ClusterState.class));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The state of the cluster started in this directory.
   *
   * @throws IllegalArgumentException naming the directory if none was started there
   */
  public ClusterState require() {
    return read()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--dir: no cluster in '"
                        + dir
                        + "' (no cluster.json); start one with: ./swarmgrid cluster start"));
  }

  /** Writes the state whole (a temporary file moved into place). */
  public void write(ClusterState state) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve("cluster.json.tmp");
      JSON.writeValue(tmp.toFile(), state);
      Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(), e);
    }
  }
}
