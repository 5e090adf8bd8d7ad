package io.swarmgrid.plugin.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.messaging.MessageRejectedException;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Priority;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The JSON frames of the WebSocket gateway (Jackson). Package-private: the wire format is described
 * in {@link WebSocketGateway}.
 */
final class GatewayFrames {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SEND_FIELDS =
      Set.of(
          "recipient", "type", "priority", "deadline", "correlationId", "payload", "payloadBase64");

  private GatewayFrames() {}

  /** What an edge client asks to send. */
  record Outgoing(
      String recipient,
      MessageType type,
      Priority priority,
      Instant deadline,
      String correlationId,
      byte[] payload) {}

  /**
   * Parses a client's frame.
   *
   * @throws MessageRejectedException naming the field and value at fault
   */
  static Outgoing parse(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MessageRejectedException(
          "frame", abbreviate(text), "is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MessageRejectedException("frame", abbreviate(text), "must be a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!SEND_FIELDS.contains(f)) {
        throw new MessageRejectedException(
            f, abbreviate(root.get(f).toString()), "is not a field; known: " + SEND_FIELDS);
      }
    }
    String recipient = requiredText(root, "recipient");
    MessageType type = enumValue(root, "type", MessageType.class, null);
    Priority priority = enumValue(root, "priority", Priority.class, Priority.NORMAL);
    Instant deadline = null;
    JsonNode d = root.get("deadline");
    if (d != null && !d.isNull()) {
      if (d.isIntegralNumber()) {
        deadline = Instant.ofEpochMilli(d.asLong());
      } else if (d.isTextual()) {
        try {
          deadline = Instant.parse(d.asText());
        } catch (java.time.format.DateTimeParseException e) {
          throw new MessageRejectedException(
              "deadline", d.asText(), "must be epoch millis or an ISO-8601 instant");
        }
      } else {
        throw new MessageRejectedException(
            "deadline", d.toString(), "must be epoch millis or an ISO-8601 instant");
      }
    }
    String correlationId = optionalText(root, "correlationId");
    String payloadText = optionalText(root, "payload");
    String payloadBase64 = optionalText(root, "payloadBase64");
    if (!payloadText.isEmpty() && !payloadBase64.isEmpty()) {
      throw new MessageRejectedException(
          "payloadBase64", abbreviate(payloadBase64), "cannot be given together with payload");
    }
    byte[] payload;
    if (!payloadBase64.isEmpty()) {
      try {
        payload = Base64.getDecoder().decode(payloadBase64);
      } catch (IllegalArgumentException e) {
        throw new MessageRejectedException(
            "payloadBase64", abbreviate(payloadBase64), "is not base64: " + e.getMessage());
      }
    } else {
      payload = payloadText.getBytes(StandardCharsets.UTF_8);
    }
    return new Outgoing(recipient, type, priority, deadline, correlationId, payload);
  }

  /** A delivered message, as sent to the client. */
  static String message(Message m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("kind", "message");
    n.put("id", m.id());
    n.put("sender", m.sender());
    n.put("recipient", m.recipient());
    n.put("type", m.type().name());
    n.put("priority", m.priority().name());
    if (m.hasDeadline()) {
      n.put("deadline", m.deadlineMillis());
    }
    n.put("correlationId", m.correlationId());
    n.put("payload", m.text());
    n.put("payloadBase64", Base64.getEncoder().encodeToString(m.payload()));
    return n.toString();
  }

  /** The answer to an accepted send: the new message's id. */
  static String sent(String id) {
    ObjectNode n = JSON.createObjectNode();
    n.put("kind", "sent");
    n.put("id", id);
    return n.toString();
  }

  /** The answer to a refused send: nothing was queued. */
  static String error(MessageRejectedException e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("kind", "error");
    n.put("field", e.field());
    n.put("message", e.getMessage());
    return n.toString();
  }

  private static String requiredText(JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      throw new MessageRejectedException(field, null, "is required");
    }
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw new MessageRejectedException(field, v.toString(), "must be a non-empty string");
    }
    return v.asText();
  }

  private static String optionalText(JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new MessageRejectedException(field, abbreviate(v.toString()), "must be a string");
    }
    return v.asText();
  }

  private static <E extends Enum<E>> E enumValue(
      JsonNode root, String field, Class<E> type, E fallback) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      if (fallback == null) {
        throw new MessageRejectedException(
            field, null, "is required; one of " + List.of(type.getEnumConstants()));
      }
      return fallback;
    }
    try {
      return Enum.valueOf(type, v.asText());
    } catch (IllegalArgumentException e) {
      throw new MessageRejectedException(
          field, v.toString(), "must be one of " + List.of(type.getEnumConstants()));
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
