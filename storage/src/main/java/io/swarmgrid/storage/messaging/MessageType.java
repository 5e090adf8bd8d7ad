package io.swarmgrid.storage.messaging;

/**
 * What a message is about. Ping, pong, response and deadline-missed are used by messaging itself.
 */
public enum MessageType {
  /** Consensus traffic (proposals, votes, decisions). */
  CONSENSUS,
  /** A task assigned to the recipient. */
  TASK_ASSIGNMENT,
  /** A node's status. */
  STATUS_UPDATE,
  /** A full state transfer. */
  STATE_SYNC,
  /** An incremental state transfer. */
  DELTA_SYNC,
  /** A node joins. */
  JOIN,
  /** A node leaves. */
  LEAVE,
  /** Presence probe; answered with {@link #PONG} by the receiving messenger, not by its handler. */
  PING,
  /** Answer to a {@link #PING}. */
  PONG,
  /** An emergency alert. */
  EMERGENCY_ALERT,
  /** A request; the handler answers it with {@code Messenger.reply}. */
  REQUEST,
  /** The answer to a request, matched by correlation id. */
  RESPONSE,
  /** Tells a requester that its request expired before it was delivered. */
  DEADLINE_MISSED,
  /** Anything else; the payload says what. */
  CUSTOM
}
