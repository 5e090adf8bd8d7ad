package io.swarmgrid.tasks.diffusion;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import java.io.IOException;
import java.util.Objects;

/**
 * What an injector needs from the members' {@code diffusion} config; read from a member running the
 * engine with {@link SettingsTask}.
 *
 * @param chunkBytes target chunk size
 * @param contentCopies copies per content entry
 * @param redundancy copies per chunk
 * @param maxCopies copies per chunk at most, tie-breakers included
 * @param decay energy factor per hop
 * @param threshold energy under which a task is not passed on
 * @param maxEnergy highest injectable energy
 * @param maxTasks tasks the grid holds at most
 * @param maxTaskAgeSeconds a task not finished after this expires
 * @param finishedTaskTtlSeconds a finished task stays this long
 * @param maxInputBytes largest input accepted, in bytes ({@code
 *     diffusion.content-max-bytes-per-member}: what one member holds of content)
 */
public final class DiffusionSettings implements IdentifiedDataSerializable {
  private int chunkBytes;
  private int contentCopies;
  private int redundancy;
  private int maxCopies;
  private double decay;
  private double threshold;
  private double maxEnergy;
  private int maxTasks;
  private int maxTaskAgeSeconds;
  private int finishedTaskTtlSeconds;
  private long maxInputBytes;

  /** For deserialization only. */
  public DiffusionSettings() {}

  /** The value. */
  public DiffusionSettings(
      int chunkBytes,
      int contentCopies,
      int redundancy,
      int maxCopies,
      double decay,
      double threshold,
      double maxEnergy,
      int maxTasks,
      int maxTaskAgeSeconds,
      int finishedTaskTtlSeconds,
      long maxInputBytes) {
    this.chunkBytes = chunkBytes;
    this.contentCopies = contentCopies;
    this.redundancy = redundancy;
    this.maxCopies = maxCopies;
    this.decay = decay;
    this.threshold = threshold;
    this.maxEnergy = maxEnergy;
    this.maxTasks = maxTasks;
    this.maxTaskAgeSeconds = maxTaskAgeSeconds;
    this.finishedTaskTtlSeconds = finishedTaskTtlSeconds;
    this.maxInputBytes = maxInputBytes;
  }

  /** The chunkBytes. */
  public int chunkBytes() {
    return chunkBytes;
  }

  /** The contentCopies. */
  public int contentCopies() {
    return contentCopies;
  }

  /** The redundancy. */
  public int redundancy() {
    return redundancy;
  }

  /** The maxCopies. */
  public int maxCopies() {
    return maxCopies;
  }

  /** The decay. */
  public double decay() {
    return decay;
  }

  /** The threshold. */
  public double threshold() {
    return threshold;
  }

  /** The maxEnergy. */
  public double maxEnergy() {
    return maxEnergy;
  }

  /** The maxTasks. */
  public int maxTasks() {
    return maxTasks;
  }

  /** The maxTaskAgeSeconds. */
  public int maxTaskAgeSeconds() {
    return maxTaskAgeSeconds;
  }

  /** The finishedTaskTtlSeconds. */
  public int finishedTaskTtlSeconds() {
    return finishedTaskTtlSeconds;
  }

  /** The largest input accepted, in bytes. */
  public long maxInputBytes() {
    return maxInputBytes;
  }

  /** Copies that agree a chunk: a strict majority of the redundancy. */
  public int quorum() {
    return redundancy / 2 + 1;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.DIFFUSION;
  }

  @Override
  public int getClassId() {
    return DiffusionFactory.SETTINGS_VALUE;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(chunkBytes);
    out.writeInt(contentCopies);
    out.writeInt(redundancy);
    out.writeInt(maxCopies);
    out.writeDouble(decay);
    out.writeDouble(threshold);
    out.writeDouble(maxEnergy);
    out.writeInt(maxTasks);
    out.writeInt(maxTaskAgeSeconds);
    out.writeInt(finishedTaskTtlSeconds);
    out.writeLong(maxInputBytes);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    chunkBytes = in.readInt();
    contentCopies = in.readInt();
    redundancy = in.readInt();
    maxCopies = in.readInt();
    decay = in.readDouble();
    threshold = in.readDouble();
    maxEnergy = in.readDouble();
    maxTasks = in.readInt();
    maxTaskAgeSeconds = in.readInt();
    finishedTaskTtlSeconds = in.readInt();
    maxInputBytes = in.readLong();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DiffusionSettings v
        && Objects.equals(chunkBytes, v.chunkBytes)
        && Objects.equals(contentCopies, v.contentCopies)
        && Objects.equals(redundancy, v.redundancy)
        && Objects.equals(maxCopies, v.maxCopies)
        && Objects.equals(decay, v.decay)
        && Objects.equals(threshold, v.threshold)
        && Objects.equals(maxEnergy, v.maxEnergy)
        && Objects.equals(maxTasks, v.maxTasks)
        && Objects.equals(maxTaskAgeSeconds, v.maxTaskAgeSeconds)
        && Objects.equals(finishedTaskTtlSeconds, v.finishedTaskTtlSeconds)
        && maxInputBytes == v.maxInputBytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        chunkBytes,
        contentCopies,
        redundancy,
        maxCopies,
        decay,
        threshold,
        maxEnergy,
        maxTasks,
        maxTaskAgeSeconds,
        finishedTaskTtlSeconds,
        maxInputBytes);
  }

  @Override
  public String toString() {
    return "DiffusionSettings[chunkBytes="
        + chunkBytes
        + ", contentCopies="
        + contentCopies
        + ", redundancy="
        + redundancy
        + ", maxCopies="
        + maxCopies
        + ", decay="
        + decay
        + ", threshold="
        + threshold
        + ", maxEnergy="
        + maxEnergy
        + ", maxTasks="
        + maxTasks
        + ", maxTaskAgeSeconds="
        + maxTaskAgeSeconds
        + ", finishedTaskTtlSeconds="
        + finishedTaskTtlSeconds
        + ", maxInputBytes="
        + maxInputBytes
        + "]";
  }
}
