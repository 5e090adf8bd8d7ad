package io.swarmgrid.plugin.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.serialization.impl.compact.Schema;
import com.hazelcast.internal.serialization.impl.compact.schema.MemberSchemaService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * Replicates, to every member, the Compact schemas this member has only locally.
 *
 * <p>Why: a member that writes a Compact record into one of its own partitions (an entry processor,
 * a task run on the key owner) keeps the record's schema to itself. A client that later reads the
 * record asks a random member for the schema, which may not have it, and waits until its invocation
 * times out (120 s). Hazelcast 5.4 has no public call to publish a schema, so SwarmGrid members
 * publish theirs shortly after they appear, through the member schema service.
 */
public final class SchemaPublisher {
  private final MemberSchemaService schemas;
  private int published;

  private SchemaPublisher(MemberSchemaService schemas) {
    this.schemas = schemas;
  }

  /** The publisher of {@code member}, or null if it is not a member of this JVM (e.g. a client). */
  public static SchemaPublisher of(HazelcastInstance member) {
    if (member instanceof HazelcastInstanceProxy proxy) {
      return new SchemaPublisher(proxy.getOriginal().node.getNodeEngine().getSchemaService());
    }
    return null;
  }

  /**
   * Replicates the local schemas if some appeared since the last call; returns how many are known.
   */
  public synchronized int publishNew() {
    Collection<Schema> all = schemas.getAllSchemas();
    if (all.size() != published) {
      schemas
          .putAllAsync(new ArrayList<>(all))
          .toCompletableFuture()
          .orTimeout(30, TimeUnit.SECONDS)
          .join();
      published = all.size();
    }
    return published;
  }
}
