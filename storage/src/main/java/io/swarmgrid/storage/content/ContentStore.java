package io.swarmgrid.storage.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.EntryView;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import io.swarmgrid.storage.SwarmMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed access to {@code swarm.content}: bytes keyed by the hex SHA-256 of the bytes.
 *
 * <ul>
 *   <li><b>Deduplicated</b>: the key is the hash, so equal bytes are stored once ({@code
 *       putIfAbsent}).
 *   <li><b>Copies</b>: each entry is stored {@code copies} times, under the hash and under {@code
 *       hash:1}, {@code hash:2}... chosen so that every copy sits on a different partition (and so,
 *       usually, a different owner). Each copy also has the map's synchronous backups.
 *   <li><b>Verified on every read</b>: {@link #get} hashes what it read; a copy whose bytes do not
 *       match is refused, the next copy is read, and the bad copies are overwritten with the good
 *       bytes (repair). Only when no copy verifies is the read refused, naming the hash.
 *   <li><b>Chunks</b>: large inputs are stored as chunks and a {@link Manifest} (JSON) listing
 *       them.
 *   <li><b>Bounded</b>: {@link #collect} (run by every member on the entries it owns) removes
 *       unreferenced content older than the age limit, then the oldest unreferenced content until
 *       the member is under its byte and entry limits. "Referenced" means a live diffusion task
 *       refers to it: its <em>energy</em> is the energy of the live tasks referring to it, and
 *       content with energy above zero is never collected.
 * </ul>
 *
 * <p>Thread-safe; usable on members and clients.
 *
 * <p>Over 300 lines on purpose: writing, verified reading with repair, manifests and collection all
 * rest on one scheme of copy keys, defined once here.
 */
public final class ContentStore {
  /** Largest single entry accepted, in bytes (64 MiB); larger inputs are chunked. */
  public static final int MAX_ENTRY_BYTES = 64 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ContentStore.class);
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST_FORMAT = "swarmgrid.manifest.v1";

  private final IMap<String, byte[]> map;
  private final PartitionService partitions;
  private final int copies;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong repaired = new AtomicLong();

  /**
   * The store of the cluster {@code hz} belongs to.
   *
   * @param copies copies per entry ({@code diffusion.content-copies}), 1..5
   */
  public ContentStore(HazelcastInstance hz, int copies) {
    if (copies < 1 || copies > 5) {
      throw new IllegalArgumentException("copies: " + copies + " is out of range; allowed 1..5");
    }
    this.map = hz.getMap(SwarmMap.CONTENT.mapName());
    this.partitions = hz.getPartitionService();
    this.copies = copies;
  }

  /** Hex SHA-256 of {@code bytes}. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Stores {@code bytes} (if not stored yet) in every copy and returns their hash.
   *
   * @throws ContentException if {@code bytes} is null or larger than {@link #MAX_ENTRY_BYTES}
   */
  public String put(byte[] bytes) {
    if (bytes == null) {
      throw new ContentException("content", null, "is required");
    }
    if (bytes.length > MAX_ENTRY_BYTES) {
      throw new ContentException(
          "content",
          bytes.length + " bytes",
          "exceeds " + MAX_ENTRY_BYTES + " bytes per entry; store it as chunks with a manifest");
    }
    String hash = sha256Hex(bytes);
    for (String key : copyKeys(hash)) {
      map.putIfAbsent(key, bytes);
    }
    return hash;
  }

  /**
   * The bytes stored under {@code hash}, verified: a copy whose SHA-256 differs is refused, the
   * next copy is read and the bad copies are repaired.
   *
   * @throws ContentException if the hash is malformed, nothing is stored under it, or no copy
   *     verifies
   */
  public byte[] get(String hash) {
    checkHash(hash);
    List<String> keys = copyKeys(hash);
    List<String> bad = new ArrayList<>();
    byte[] good = null;
    boolean any = false;
    for (String key : keys) {
      byte[] b = map.get(key);
      if (b == null) {
        bad.add(key);
        continue;
      }
      any = true;
      if (sha256Hex(b).equals(hash)) {
        good = b;
        break;
      }
      refused.incrementAndGet();
      LOG.warn("content copy {} does not match its hash: refused, reading another copy", key);
      bad.add(key);
    }
    if (good == null) {
      if (!any) {
        throw new ContentException(
            "content hash", hash, "is not in swarm.content (never stored, or collected)");
      }
      throw new ContentException(
          "content hash",
          hash,
          "does not match the bytes of any of its " + keys.size() + " copies");
    }
    for (String key : bad) {
      // Repair: a refused or lost copy gets the verified bytes back (only where it is still bad).
      byte[] now = map.get(key);
      if (now == null || !Arrays.equals(now, good)) {
        map.set(key, good);
        repaired.incrementAndGet();
      }
    }
    return good;
  }

  /**
   * {@link #get}, or empty if nothing is stored under {@code hash} (still refuses corrupted
   * content).
   */
  public Optional<byte[]> find(String hash) {
    checkHash(hash);
    if (!contains(hash)) {
      return Optional.empty();
    }
    return Optional.of(get(hash));
  }

  /** Whether any copy of {@code hash} is stored (not verified). */
  public boolean contains(String hash) {
    checkHash(hash);
    for (String key : copyKeys(hash)) {
      if (map.containsKey(key)) {
        return true;
      }
    }
    return false;
  }

  /** Stores a manifest of {@code chunks} (hashes of stored content) and returns it. */
  public Manifest putManifest(List<String> chunks, long totalBytes) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", MANIFEST_FORMAT);
    root.put("totalBytes", totalBytes);
    ArrayNode list = root.putArray("chunks");
    for (String c : chunks) {
      checkHash(c);
      list.add(c);
    }
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a manifest", e);
    }
    return new Manifest(put(bytes), chunks, totalBytes);
  }

  /**
   * The manifest stored under {@code hash}, verified like any content.
   *
   * @throws ContentException if it is missing, corrupted, or not a manifest
   */
  public Manifest manifest(String hash) {
    return parseManifest(hash, get(hash))
        .orElseThrow(
            () ->
                new ContentException(
                    "manifest hash", hash, "names content that is not a SwarmGrid manifest"));
  }

  /** The manifest in {@code bytes} (stored under {@code hash}), or empty if they are not one. */
  public static Optional<Manifest> parseManifest(String hash, byte[] bytes) {
    if (bytes.length == 0 || bytes[0] != '{') {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
      if (root == null
          || !MANIFEST_FORMAT.equals(root.path("format").asText())
          || !root.path("chunks").isArray()) {
        return Optional.empty();
      }
      List<String> chunks = new ArrayList<>();
      for (JsonNode c : root.get("chunks")) {
        if (!HASH.matcher(c.asText()).matches()) {
          return Optional.empty();
        }
        chunks.add(c.asText());
      }
      return Optional.of(new Manifest(hash, chunks, root.path("totalBytes").asLong()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Copies refused because their bytes did not match their hash, by this store object. */
  public long refusedCopies() {
    return refused.get();
  }

  /** Copies repaired with verified bytes, by this store object. */
  public long repairedCopies() {
    return repaired.get();
  }

  /**
   * The map keys of the copies of {@code hash}: the hash itself, then {@code hash:i} suffixes
   * chosen so that the copies sit on different partitions (as far as there are partitions).
   */
  public List<String> copyKeys(String hash) {
    List<String> keys = new ArrayList<>(copies);
    Set<Integer> used = new HashSet<>();
    keys.add(hash);
    used.add(partitions.getPartition(hash).getPartitionId());
    int suffix = 1;
    while (keys.size() < copies) {
      String key = hash + ":" + suffix++;
      int p = partitions.getPartition(key).getPartitionId();
      if (used.add(p) || suffix > 64) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** The content hash a map key belongs to (the key without its copy suffix). */
  public static String hashOf(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? key : key.substring(0, colon);
  }

  /**
   * What one {@link #collect} did on one member.
   *
   * @param removed entries (copies) removed
   * @param removedBytes their bytes
   * @param entries entries this member owns afterwards
   * @param bytes bytes of those entries
   */
  public record Collection(int removed, long removedBytes, int entries, long bytes) {}

  /**
   * Collects the content this member owns (call it on a member): removes every entry whose energy
   * is zero and that is older than {@code maxAgeMillis}, then, while the member holds more than
   * {@code maxBytes} or {@code maxEntries}, the oldest entries with zero energy. Content with
   * energy is never removed, nor content younger than {@code graceMillis} (it may belong to an
   * input being stored for a task not yet injected): when such content alone is over the limits,
   * the limits are exceeded and a later collection tries again.
   *
   * @param energy energy of a content hash: that of the live tasks referring to it, 0 if none
   * @param now epoch millis
   */
  public Collection collect(
      ToDoubleFunction<String> energy,
      long now,
      long maxAgeMillis,
      long graceMillis,
      long maxBytes,
      long maxEntries) {
    record Held(String key, long created, long bytes, boolean referenced) {}
    List<Held> held = new ArrayList<>();
    long totalBytes = 0;
    for (String key : map.localKeySet()) {
      EntryView<String, byte[]> view = map.getEntryView(key);
      if (view == null) {
        continue;
      }
      long size = view.getValue() == null ? 0 : view.getValue().length;
      held.add(new Held(key, view.getCreationTime(), size, energy.applyAsDouble(hashOf(key)) > 0));
      totalBytes += size;
    }
    held.sort(Comparator.comparingLong(Held::created));
    int removed = 0;
    long removedBytes = 0;
    int entries = held.size();
    for (Held h : held) {
      if (h.referenced() || now - h.created() < graceMillis) {
        continue;
      }
      boolean old = now - h.created() > maxAgeMillis;
      boolean over = totalBytes > maxBytes || entries > maxEntries;
      if (old || over) {
        map.delete(h.key());
        removed++;
        removedBytes += h.bytes();
        totalBytes -= h.bytes();
        entries--;
      }
    }
    if (removed > 0) {
      LOG.debug(
          "content collection removed {} entries ({} bytes); {} entries, {} bytes held",
          removed,
          removedBytes,
          entries,
          totalBytes);
    }
    return new Collection(removed, removedBytes, entries, totalBytes);
  }

  /**
   * Entries (copies) and their memory cost that this member owns now, from the map's local
   * statistics (cheap; call it on a member).
   */
  public Usage localUsage() {
    var stats = map.getLocalMapStats();
    return new Usage(stats.getOwnedEntryCount(), stats.getOwnedEntryMemoryCost());
  }

  /**
   * What a member holds of the store.
   *
   * @param entries entries (copies) it owns
   * @param bytes their memory cost, bytes
   */
  public record Usage(long entries, long bytes) {}

  private static void checkHash(String hash) {
    if (hash == null || !HASH.matcher(hash).matches()) {
      throw new ContentException(
          "content hash", hash, "is not a SHA-256 hash (64 lower-case hex digits)");
    }
  }
}
