package io.swarmgrid.storage.checkpoint;

import com.hazelcast.partition.PartitionAware;

/**
 * Key of {@code swarm.checkpoints}: an owner and a version. All versions of one owner live in the
 * owner's partition, so listing and pruning them touches one member. Compact type name {@code
 * swarmgrid.CheckpointKey}.
 *
 * @param owner the component that saved the checkpoint (a model, an agent, a task)
 * @param version 1, 2, ... per owner
 */
public record CheckpointKey(String owner, long version) implements PartitionAware<String> {

  @Override
  public String getPartitionKey() {
    return owner;
  }
}
