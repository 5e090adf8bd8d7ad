package io.swarmgrid.deploy.cluster.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * What one member's link proxy has applied, as it writes it to {@code network-seen.json}: the rules
 * in force and what they did, so {@code status} and tests see the fault happen rather than assume
 * it.
 *
 * @param node the proxy's node
 * @param rules the rules in force when last written
 * @param refused connections from a cut node refused
 * @param closed connections closed because a cut began
 * @param delayedChunks chunks of bytes held for a latency rule
 * @param minHeldMillis the shortest time a delayed chunk was held (0 before the first)
 * @param maxHeldMillis the longest
 */
public record LinkProxySeen(
    String node,
    List<NetworkRule> rules,
    long refused,
    long closed,
    long delayedChunks,
    long minHeldMillis,
    long maxHeldMillis) {

  /** The file's name in a node's directory. */
  public static final String FILE = "network-seen.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  public LinkProxySeen {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** What the proxy last wrote to {@code file}, if anything. */
  public static Optional<LinkProxySeen> read(Path file) {
    try {
      return Optional.of(JSON.readValue(Files.readAllBytes(file), LinkProxySeen.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes it whole. */
  public void write(Path file) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), this);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
