package io.swarmgrid.storage.checkpoint;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.swarmgrid.storage.SwarmMap;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Versioned snapshots in {@code swarm.checkpoints}: save, list, restore the latest or a chosen
 * version. Every restore checks the SHA-256 saved with the bytes. Only the newest {@code
 * retainedVersions} of an owner are kept. The map has at least one backup, so a checkpoint survives
 * the loss of any one member.
 */
public final class CheckpointStore {
  private final IMap<CheckpointKey, Checkpoint> checkpoints;
  private final int maxBytes;
  private final int retainedVersions;

  /**
   * @param maxBytes largest snapshot accepted ({@code storage.checkpoint-max-bytes})
   * @param retainedVersions versions kept per owner ({@code storage.checkpoint-retained-versions})
   */
  public CheckpointStore(HazelcastInstance hz, int maxBytes, int retainedVersions) {
    this.checkpoints = hz.getMap(SwarmMap.CHECKPOINTS.mapName());
    this.maxBytes = maxBytes;
    this.retainedVersions = retainedVersions;
  }

  /**
   * Saves a new version of {@code owner}'s snapshot and prunes versions beyond the retained count.
   *
   * @return what was saved
   * @throws IllegalArgumentException naming the size and the limit if {@code data} is too large;
   *     nothing is saved
   */
  public CheckpointInfo save(String owner, byte[] data) {
    if (owner == null || owner.isEmpty()) {
      throw new IllegalArgumentException("owner: must not be empty");
    }
    if (data.length > maxBytes) {
      throw new IllegalArgumentException(
          "data: "
              + data.length
              + " bytes is over the limit storage.checkpoint-max-bytes="
              + maxBytes
              + "; nothing saved for owner "
              + owner);
    }
    // One writer per owner at a time, so versions are dense and never reused. The lock key lives in
    // the owner's partition (CheckpointKey is partition-aware), next to the versions it guards.
    CheckpointKey lockKey = new CheckpointKey(owner, 0);
    checkpoints.lock(lockKey);
    try {
      // Keys only: the versions are in the keys, and reading the kept snapshots (up to
      // checkpoint-max-bytes each) for a number was what saving cost (issue 13).
      List<Long> existing =
          checkpoints.keySet(Predicates.equal("__key.owner", owner)).stream()
              .map(CheckpointKey::version)
              .sorted()
              .toList();
      long version = existing.isEmpty() ? 1 : existing.get(existing.size() - 1) + 1;
      Checkpoint cp =
          new Checkpoint(owner, version, data.clone(), sha256(data), System.currentTimeMillis());
      checkpoints.set(cp.key(), cp);
      int excess = existing.size() + 1 - retainedVersions;
      for (int i = 0; i < excess; i++) {
        checkpoints.delete(new CheckpointKey(owner, existing.get(i)));
      }
      return cp.info();
    } finally {
      checkpoints.unlock(lockKey);
    }
  }

  /** The saved versions of {@code owner}, oldest first. */
  public List<CheckpointInfo> list(String owner) {
    Predicate<CheckpointKey, Checkpoint> ofOwner = Predicates.equal("__key.owner", owner);
    return checkpoints.values(ofOwner).stream()
        .map(Checkpoint::info)
        .sorted(Comparator.comparingLong(CheckpointInfo::version))
        .toList();
  }

  /** The newest version of {@code owner}, verified, or empty if it has none. */
  public Optional<Checkpoint> restoreLatest(String owner) {
    List<CheckpointInfo> versions = list(owner);
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(restore(owner, versions.get(versions.size() - 1).version()));
  }

  /**
   * Version {@code version} of {@code owner}, verified against its hash.
   *
   * @throws IllegalArgumentException if there is no such version (the message lists those there
   *     are)
   * @throws IllegalStateException if the bytes no longer match the saved hash
   */
  public Checkpoint restore(String owner, long version) {
    Checkpoint cp = checkpoints.get(new CheckpointKey(owner, version));
    if (cp == null) {
      throw new IllegalArgumentException(
          "version: "
              + version
              + " does not exist for owner "
              + owner
              + "; saved versions: "
              + list(owner).stream().map(CheckpointInfo::version).toList());
    }
    String actual = sha256(cp.data());
    if (!actual.equals(cp.sha256())) {
      throw new IllegalStateException(
          "checkpoint "
              + owner
              + " v"
              + version
              + " is corrupt: sha256 "
              + actual
              + " != saved "
              + cp.sha256());
    }
    return cp;
  }

  /**
   * The other snapshots saved as {@code owner}'s version {@code version} on the other side of a
   * split brain, kept by the merge (see {@code CheckpointUnionMergePolicy}), each verified; empty
   * if there were none or there is no such version. {@link #restore} returns the newest of them.
   *
   * @throws IllegalStateException if one's bytes no longer match its saved hash
   */
  public List<Checkpoint> conflicts(String owner, long version) {
    Checkpoint cp = checkpoints.get(new CheckpointKey(owner, version));
    if (cp == null) {
      return List.of();
    }
    for (Checkpoint c : cp.conflicts()) {
      if (!sha256(c.data()).equals(c.sha256())) {
        throw new IllegalStateException(
            "checkpoint " + owner + " v" + version + " conflict " + c.sha256() + " is corrupt");
      }
    }
    return cp.conflicts();
  }

  /** Lower-case hex SHA-256 of {@code data}. */
  public static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
