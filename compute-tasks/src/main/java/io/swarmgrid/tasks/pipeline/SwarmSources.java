package io.swarmgrid.tasks.pipeline;

import com.hazelcast.jet.pipeline.BatchSource;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.jet.pipeline.file.FileFormat;
import com.hazelcast.jet.pipeline.file.FileSources;
import io.swarmgrid.tasks.pipeline.internal.ByteChunks;
import io.swarmgrid.tasks.pipeline.internal.TextChunks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Sources for SwarmGrid's ready pipelines, in the style of Jet's {@code Sources}. */
public final class SwarmSources {
  private SwarmSources() {}

  /**
   * The lines of the files matching {@code glob} in {@code directory}, which must be visible at the
   * same path to every member (a shared or replicated file system, or one machine). Each file is
   * read once in the whole cluster, split among the members; the source is not fault tolerant (a
   * batch job restarts from the beginning).
   */
  public static BatchSource<String> textFiles(Path directory, String glob) {
    return FileSources.files(directory.toAbsolutePath().toString())
        .glob(glob)
        .format(FileFormat.lines())
        .sharedFileSystem(true)
        .build();
  }

  /**
   * The whole text of each file matching {@code glob} in {@code directory} (visible at the same
   * path to every member), one item per file: for workloads whose records span lines, such as
   * {@link io.swarmgrid.tasks.workload.Search}. Each file is read by one member and held in memory
   * whole.
   */
  public static BatchSource<String> wholeFiles(Path directory, String glob) {
    return FileSources.files(directory.toAbsolutePath().toString())
        .glob(glob)
        .format(FileFormat.text())
        .sharedFileSystem(true)
        .build();
  }

  /**
   * The lines of the UTF-8 files matching {@code glob} in {@code directory} (visible at the same
   * path to every member), as blocks of whole lines of about 64 K chars: one item per block instead
   * of one per line, for work where a line break is just a separator, such as {@link
   * SwarmPipelines#wordCountWorkload}. Each file is read once in the whole cluster; not fault
   * tolerant.
   */
  // the unified FileSources has no format that yields blocks of lines; the older builder's read
  // function is still the only way to plug in a reader (deprecated, not removed, in 5.4)
  @SuppressWarnings("deprecation")
  public static BatchSource<String> textBlocks(Path directory, String glob) {
    return Sources.filesBuilder(directory.toAbsolutePath().toString())
        .glob(glob)
        .sharedFileSystem(true)
        .build(TextChunks::read);
  }

  /**
   * The files matching {@code glob} in {@code directory} (visible at the same path to every member)
   * as blocks of whole lines of raw bytes (about 1 MiB each, UTF-8 expected): one item per block
   * and no decoding to chars on the way, for {@link SwarmPipelines#wordCountOfBytes}, which reads
   * ASCII lines as bytes and decodes only the others. Each file is read once in the whole cluster;
   * not fault tolerant.
   */
  @SuppressWarnings("deprecation")
  public static BatchSource<byte[]> byteBlocks(Path directory, String glob) {
    return Sources.filesBuilder(directory.toAbsolutePath().toString())
        .glob(glob)
        .sharedFileSystem(true)
        .build(ByteChunks::read);
  }

  /**
   * The blocks that {@link #byteBlocks} reads from one {@code file}, for a single thread doing what
   * a Jet processor does; close the stream.
   */
  public static Stream<byte[]> readByteBlocks(Path file) throws IOException {
    return ByteChunks.read(file);
  }

  /**
   * The blocks of whole lines that {@link #textBlocks} reads from one UTF-8 {@code file}, for a
   * single thread doing what a Jet processor does; close the stream.
   */
  public static Stream<String> readBlocks(Path file) throws IOException {
    return TextChunks.read(file);
  }
}
