package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code Map<String, Long>} as two parallel Compact arrays, {@code <name>Keys} (sorted, so equal
 * maps give equal bytes) and {@code <name>Counts}: plain types any client reads.
 */
final class Counts {
  private Counts() {}

  static void write(CompactWriter out, String name, Map<String, Long> counts) {
    TreeMap<String, Long> sorted = new TreeMap<>(counts);
    out.writeArrayOfString(name + "Keys", sorted.keySet().toArray(new String[0]));
    out.writeArrayOfInt64(
        name + "Counts", sorted.values().stream().mapToLong(Long::longValue).toArray());
  }

  static Map<String, Long> read(CompactReader in, String name) {
    String[] keys = in.readArrayOfString(name + "Keys");
    long[] counts = in.readArrayOfInt64(name + "Counts");
    Map<String, Long> map = new HashMap<>(keys.length * 2);
    for (int i = 0; i < keys.length; i++) {
      map.put(keys[i], counts[i]);
    }
    return map;
  }
}
