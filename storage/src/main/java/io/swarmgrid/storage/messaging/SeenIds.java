package io.swarmgrid.storage.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the last {@code window} messages a receiver handed over, oldest forgotten first: a
 * sender's retried send carries the same id and is dropped. Not thread-safe: the receiver calls it
 * under its hand-over lock.
 */
final class SeenIds {
  private final LinkedHashMap<String, Boolean> ids;

  SeenIds(int window) {
    this.ids =
        new LinkedHashMap<>(1024, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > window;
          }
        };
  }

  /** Remembers {@code id}; whether it was new. */
  boolean firstTime(String id) {
    return ids.put(id, Boolean.TRUE) == null;
  }

  /** Forgets {@code id}: its hand-over was rolled back. */
  void forget(String id) {
    ids.remove(id);
  }
}
