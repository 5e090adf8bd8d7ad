package io.swarmgrid.deploy.cluster.internal;

import io.swarmgrid.tasks.workload.Search;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * The input of an injected workload: a file, or the files matching a glob in a directory, read in
 * name order into one text (the single-thread run and diffusion see the same text; Jet reads the
 * same files itself).
 *
 * @param directory where the files are
 * @param glob which files
 * @param files the files, sorted
 */
public record WorkloadInput(Path directory, String glob, List<Path> files) {
  public WorkloadInput {
    files = List.copyOf(files);
  }

  /** The samples in the repository each workload reads by default. */
  public static Path defaultFor(String workload) {
    return workload.equals(Search.NAME)
        ? Path.of("deploy/samples/cranfield/cran.all.1400")
        : workload.equals("aco")
            ? Path.of("deploy/samples/tsplib/att48.tsp")
            : Path.of("deploy/samples/loghub");
  }

  /**
   * {@code path} as input: a readable file, or a directory with files matching {@code glob}.
   *
   * @throws IllegalArgumentException naming {@code --input} and the path
   */
  public static WorkloadInput of(Path path, String glob) {
    Path abs = path.toAbsolutePath().normalize();
    if (Files.isRegularFile(abs) && Files.isReadable(abs)) {
      return new WorkloadInput(abs.getParent(), abs.getFileName().toString(), List.of(abs));
    }
    if (!Files.isDirectory(abs)) {
      throw new IllegalArgumentException(
          "--input: '" + path + "' is not a readable file or directory");
    }
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    try (Stream<Path> s = Files.list(abs)) {
      List<Path> files =
          s.filter(Files::isRegularFile).filter(f -> m.matches(f.getFileName())).sorted().toList();
      if (files.isEmpty()) {
        throw new IllegalArgumentException(
            "--input: no file matching '" + glob + "' in '" + path + "'");
      }
      return new WorkloadInput(abs, glob, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file's text, in order, each ending with a line break. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Path f : files) {
      try {
        String t = Files.readString(f, StandardCharsets.UTF_8);
        sb.append(t);
        if (!t.isEmpty() && !t.endsWith("\n")) {
          sb.append('\n');
        }
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "--input: cannot read '" + f + "': " + e.getMessage(), e);
      }
    }
    return sb.toString();
  }
}
