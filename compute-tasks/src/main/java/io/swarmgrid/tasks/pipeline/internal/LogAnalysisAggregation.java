package io.swarmgrid.tasks.pipeline.internal;

import com.hazelcast.jet.aggregate.AggregateOperation;
import com.hazelcast.jet.aggregate.AggregateOperation1;
import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.LogReport;

/**
 * Log analysis as one Jet aggregation over blocks of UTF-8 bytes of whole lines ({@link
 * ByteChunks}): each processor analyses everything it reads into one {@link LogTable}, the tables
 * are combined by adding, and the result is exported once as a {@link LogReport}. No item per line
 * or batch and no copy of a partial report: what crosses members is one table per processor.
 */
public final class LogAnalysisAggregation {
  private LogAnalysisAggregation() {}

  /** The aggregation of {@code analysis}. */
  public static AggregateOperation1<byte[], LogTable, LogReport> of(LogAnalysis analysis) {
    return AggregateOperation.withCreate(() -> new LogTable(analysis))
        .<byte[]>andAccumulate(LogTable::add)
        .andCombine(LogTable::addAll)
        .andExportFinish(LogTable::report);
  }
}
