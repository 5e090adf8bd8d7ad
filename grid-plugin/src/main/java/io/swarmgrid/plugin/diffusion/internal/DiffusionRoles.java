package io.swarmgrid.plugin.diffusion.internal;

import io.swarmgrid.storage.content.ContentStore;

/** The roles of one member's diffusion, made together because they share state. */
public final class DiffusionRoles {
  private final WorkQueue queue;
  private final ChunkWorker worker;
  private final HopRouter router;
  private final DiffusionSweeper sweeper;
  private final ContentCollector collector;

  /** The roles over {@code ctx}, with {@code content} as the content store. */
  public DiffusionRoles(DiffusionContext ctx, ContentStore content) {
    WorkloadCache workloads = new WorkloadCache();
    QuarantineView quarantine = new QuarantineView(ctx);
    ResultMerger merger = new ResultMerger(ctx, workloads);
    this.queue = new WorkQueue(ctx.nodeId());
    this.worker = new ChunkWorker(ctx, queue, quarantine, content, workloads, merger);
    this.router = new HopRouter(ctx, queue, merger);
    this.sweeper = new DiffusionSweeper(ctx, quarantine, merger);
    this.collector = new ContentCollector(ctx, content);
  }

  /** The running tasks this member holds. */
  public WorkQueue queue() {
    return queue;
  }

  /** The loop of a worker thread (one instance serves every worker thread). */
  public Runnable worker() {
    return worker;
  }

  /** The loop of the inbox thread. */
  public Runnable hopRouter() {
    return router;
  }

  /** One sweep of the tasks this member owns. */
  public Runnable sweeper() {
    return sweeper;
  }

  /** One round of content collection. */
  public Runnable collector() {
    return collector;
  }
}
