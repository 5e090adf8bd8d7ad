package io.swarmgrid.storage.work;

/**
 * What an owner holds while it runs a work item: the item, itself, and the epoch it was given.
 * Present it to {@link WorkStore#complete}; a lease whose epoch has moved on is stale.
 *
 * @param workId the work item
 * @param ownerNode the node the item was assigned to
 * @param epoch the item's epoch at that assignment
 */
public record WorkLease(String workId, String ownerNode, long epoch) {}
