package io.swarmgrid.deploy.cluster.internal;

import io.swarmgrid.storage.runtime.SwarmThreads;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One direction of a proxied connection: a reader stamps each chunk with when it may leave (now
 * plus the latency in force), a writer sends it no earlier. Order is kept; with no latency a chunk
 * leaves at once.
 */
final class LinkPump {
  /** Bytes read, and when they may be written; empty bytes mark the end of the stream. */
  private record Chunk(byte[] bytes, long readNanos, long dueNanos) {}

  private final Socket from;
  private final Socket to;
  private final LongSupplier latencyMillis;
  private final LinkCounters counters;
  private final Runnable onEnd;
  private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();

  LinkPump(
      Socket from, Socket to, LongSupplier latencyMillis, LinkCounters counters, Runnable onEnd) {
    this.from = from;
    this.to = to;
    this.latencyMillis = latencyMillis;
    this.counters = counters;
    this.onEnd = onEnd;
  }

  void start(String name) {
    SwarmThreads.start(name + "-read", this::read);
    SwarmThreads.start(name + "-write", this::write);
  }

  private void read() {
    byte[] buffer = new byte[64 * 1024];
    try {
      InputStream in = from.getInputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        long now = System.nanoTime();
        long due = now + TimeUnit.MILLISECONDS.toNanos(latencyMillis.getAsLong());
        queue.add(new Chunk(Arrays.copyOf(buffer, n), now, due));
      }
    } catch (IOException e) {
      // The link was closed: a cut, or either end went away.
    }
    queue.add(new Chunk(new byte[0], 0, 0));
  }

  private void write() {
    try {
      while (true) {
        Chunk c = queue.take();
        if (c.bytes().length == 0) {
          break;
        }
        long wait = c.dueNanos() - System.nanoTime();
        if (wait > 0) {
          // The latency rule itself: hold the bytes until they are due.
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (c.dueNanos() > c.readNanos()) {
          counters.held(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - c.readNanos()));
        }
        to.getOutputStream().write(c.bytes());
      }
    } catch (IOException e) {
      // The other end is gone; closing the link ends the reader too.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    onEnd.run();
  }
}
