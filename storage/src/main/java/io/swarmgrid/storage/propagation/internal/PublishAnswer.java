package io.swarmgrid.storage.propagation.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.propagation.PublishOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The outcomes of a publish batch on their way to the caller, one per update, in order. */
public final class PublishAnswer implements IdentifiedDataSerializable {
  private List<PublishOutcome> outcomes;

  PublishAnswer() {}

  PublishAnswer(List<PublishOutcome> outcomes) {
    this.outcomes = List.copyOf(outcomes);
  }

  /** The outcomes. */
  public List<PublishOutcome> outcomes() {
    return outcomes;
  }

  @Override
  public int getFactoryId() {
    return PropagationSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return PropagationSerializers.PUBLISH_ANSWER;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(outcomes.size());
    for (PublishOutcome o : outcomes) {
      out.writeInt(o.targets());
      out.writeString(o.refusal());
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    int n = in.readInt();
    List<PublishOutcome> read = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      read.add(new PublishOutcome(in.readInt(), in.readString()));
    }
    outcomes = List.copyOf(read);
  }
}
