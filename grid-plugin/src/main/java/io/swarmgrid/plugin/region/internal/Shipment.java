package io.swarmgrid.plugin.region.internal;

import io.swarmgrid.storage.region.ReplicationStamp;

/** A stamped change on its way to another region. Passed between local processors only. */
record Shipment(Object key, Object value, ReplicationStamp stamp) {}
