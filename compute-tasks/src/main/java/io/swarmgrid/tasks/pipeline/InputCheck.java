package io.swarmgrid.tasks.pipeline;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Run on a member before a workload job: lists the files matching a glob in a directory as the
 * member sees them, or says what is wrong (missing directory, unreadable file, no match). Returns a
 * plain serializable value to the client.
 */
public final class InputCheck implements Callable<InputCheck.Listing>, Serializable {
  @Serial private static final long serialVersionUID = 1L;
  private final String directory;
  private final String glob;

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
   */
  public record Listing(List<String> files, String error) implements Serializable {}

  @Override
  public Listing call() {
    Path dir = Path.of(directory);
    if (!Files.isDirectory(dir)) {
      return new Listing(
          List.of(), "input.directory: '" + directory + "' is not a directory on the member");
    }
    List<String> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
      for (Path f : stream) {
        if (!Files.isRegularFile(f)) {
          continue;
        }
        if (!Files.isReadable(f)) {
          return new Listing(List.of(), "input.file: '" + f + "' is not readable on the member");
        }
        files.add(f.toString());
      }
    } catch (IOException | RuntimeException e) {
      return new Listing(
          List.of(),
          "input.glob: cannot list '" + glob + "' in '" + directory + "': " + e.getMessage());
    }
    if (files.isEmpty()) {
      return new Listing(
          List.of(), "input.glob: no file matches '" + glob + "' in '" + directory + "'");
    }
    files.sort(null);
    return new Listing(List.copyOf(files), null);
  }
}
