package io.swarmgrid.storage.internal;

import io.swarmgrid.storage.messaging.Message;
import java.util.Comparator;

/**
 * The order of an inbox queue (Hazelcast priority queue, named in the queue config and built by the
 * members): higher priority first, then by sequence (FIFO within a priority), then by id so that no
 * two distinct messages compare equal.
 */
public final class MessageOrder implements Comparator<Message> {
  /** Public no-argument constructor: Hazelcast instantiates it by class name. */
  public MessageOrder() {}

  @Override
  public int compare(Message a, Message b) {
    int c = Integer.compare(a.priority().ordinal(), b.priority().ordinal());
    if (c != 0) {
      return c;
    }
    c = Long.compare(a.seq(), b.seq());
    return c != 0 ? c : a.id().compareTo(b.id());
  }
}
