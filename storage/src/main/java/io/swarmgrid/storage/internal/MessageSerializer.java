package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Priority;

/** Compact form of {@link Message}; enums as their names so that any client language reads them. */
final class MessageSerializer implements CompactSerializer<Message> {
  @Override
  public Message read(CompactReader in) {
    return new Message(
        in.readString("id"),
        in.readString("sender"),
        in.readString("recipient"),
        MessageType.valueOf(in.readString("type")),
        Priority.valueOf(in.readString("priority")),
        in.readInt64("seq"),
        in.readInt64("sentAtMicros"),
        in.readInt64("deadlineMillis"),
        in.readString("correlationId"),
        in.readArrayOfInt8("payload"));
  }

  @Override
  public void write(CompactWriter out, Message m) {
    out.writeString("id", m.id());
    out.writeString("sender", m.sender());
    out.writeString("recipient", m.recipient());
    out.writeString("type", m.type().name());
    out.writeString("priority", m.priority().name());
    out.writeInt64("seq", m.seq());
    out.writeInt64("sentAtMicros", m.sentAtMicros());
    out.writeInt64("deadlineMillis", m.deadlineMillis());
    out.writeString("correlationId", m.correlationId());
    out.writeArrayOfInt8("payload", m.payload());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.Message";
  }

  @Override
  public Class<Message> getCompactClass() {
    return Message.class;
  }
}
