package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;

/**
 * Creates the entry processors of storage's stores when they arrive ({@code
 * IdentifiedDataSerializable}, factory id {@link FactoryIds#STORAGE}). Class ids: tasks 1-99, work
 * 100-199, node heartbeat 200, interests 210, reputation 220-222, inbox bytes 230-231.
 */
public final class StorageFactory implements DataSerializableFactory {
  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return switch (typeId) {
      case TaskProcessors.ADD -> new TaskProcessors.Add();
      case TaskProcessors.ASSIGN -> new TaskProcessors.Assign();
      case TaskProcessors.TRANSITION -> new TaskProcessors.Transition();
      case TaskProcessors.START -> new TaskProcessors.Start();
      case TaskProcessors.START_AND_GET -> new TaskProcessors.StartAndGet();
      case TaskProcessors.PROGRESS -> new TaskProcessors.Progress();
      case TaskProcessors.COMPLETE -> new TaskProcessors.Complete();
      case TaskProcessors.FAIL -> new TaskProcessors.Fail();
      case TaskProcessors.CANCEL -> new TaskProcessors.Cancel();
      case TaskProcessors.REQUEUE -> new TaskProcessors.Requeue();
      case TaskProcessors.MOVE -> new TaskProcessors.Move();
      case TaskLeaseProcessors.RENEW -> new TaskLeaseProcessors.Renew();
      case TaskLeaseProcessors.REQUEUE_STALE -> new TaskLeaseProcessors.RequeueStale();
      case TaskOp.WRITTEN -> new TaskOp.Written();
      case InboxBytesProcessors.RESERVE -> new InboxBytesProcessors.Reserve();
      case InboxBytesProcessors.RELEASE -> new InboxBytesProcessors.Release();
      case StoreProcessors.CREATE_WORK -> new StoreProcessors.CreateWork();
      case StoreProcessors.COMPLETE_WORK -> new StoreProcessors.CompleteWork();
      case StoreProcessors.REASSIGN_WORK -> new StoreProcessors.ReassignWork();
      case StoreProcessors.REMOVE_COMPLETED_WORK -> new StoreProcessors.RemoveCompletedWork();
      case StoreProcessors.HEARTBEAT -> new StoreProcessors.Heartbeat();
      case StoreProcessors.MARK_GONE -> new StoreProcessors.MarkGone();
      case StoreProcessors.DECLARE_INTEREST -> new StoreProcessors.DeclareInterest();
      case ReputationProcessors.APPLY -> new ReputationProcessors.Apply();
      case ReputationProcessors.STEP -> new ReputationProcessors.Step();
      case ReputationProcessors.RELEASE -> new ReputationProcessors.Release();
      default -> null;
    };
  }
}
