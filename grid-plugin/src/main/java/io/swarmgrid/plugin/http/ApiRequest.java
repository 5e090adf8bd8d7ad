package io.swarmgrid.plugin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.hazelcast.core.HazelcastInstance;
import io.javalin.http.Context;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One API request as a handler sees it: path and query parameters, the JSON body, pagination, and
 * the member it runs on.
 */
public final class ApiRequest {
  private final Context ctx;
  private final HazelcastInstance member;
  private final SwarmGridConfig config;
  private final ObjectMapper json;
  private byte[] bodyBytes;

  /** A request on {@code member}; made by the server. */
  public ApiRequest(
      Context ctx, HazelcastInstance member, SwarmGridConfig config, ObjectMapper json) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.member = Objects.requireNonNull(member, "member");
    this.config = Objects.requireNonNull(config, "config");
    this.json = Objects.requireNonNull(json, "json");
  }

  /** The member serving the request. */
  public HazelcastInstance member() {
    return member;
  }

  /** The member's SwarmGrid config. */
  public SwarmGridConfig config() {
    return config;
  }

  /** The path parameter {@code name} ({@code {id}} in the route's path). */
  public String path(String name) {
    return ctx.pathParam(name);
  }

  /** The query parameter {@code name}, or {@code fallback} when absent or empty. */
  public String query(String name, String fallback) {
    String v = ctx.queryParam(name);
    return v == null || v.isEmpty() ? fallback : v;
  }

  /** The query parameter {@code name} as a whole number in {@code min..max}, else 400. */
  public int intQuery(String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name, v, "is not a whole number");
    }
    if (n < min || n > max) {
      throw ApiException.badRequest(name, v, "is not within " + min + ".." + max);
    }
    return n;
  }

  /**
   * The page of {@code all} that {@code ?offset=&limit=} asks for; {@code limit} defaults to and
   * may not exceed {@code http.page-size-limit}.
   */
  public <T> Page<T> page(List<T> all) {
    int max = config.http().pageSizeLimit();
    int limit = intQuery("limit", Math.min(100, max), 1, max);
    int offset = intQuery("offset", 0, 0, Integer.MAX_VALUE);
    return Page.of(all, offset, limit);
  }

  /** The body as a JSON tree; a body that is not a JSON object is refused with 400. */
  public JsonNode body() {
    String text = new String(bodyBytes(), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new ApiException(400, "body", "", "body: a JSON object is required");
    }
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ApiException(
          400,
          "body",
          abbreviate(text),
          "body: not well-formed JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new ApiException(400, "body", abbreviate(text), "body: a JSON object is required");
    }
    return node;
  }

  /**
   * The body bound to {@code type} (a record); unknown fields, wrong types and values the record
   * refuses are answered 400 naming the field and the value.
   */
  public <T> T body(Class<T> type) {
    byte[] bytes = bodyBytes();
    if (!startsAnObject(bytes)) {
      body(); // answers 400 naming the body: empty, not JSON, or not an object
    }
    try {
      // One pass from the bytes to the record; a tree first would parse every body twice.
      return json.readValue(bytes, type);
    } catch (StreamReadException e) {
      throw new ApiException(
          400,
          "body",
          abbreviate(new String(bytes, StandardCharsets.UTF_8)),
          "body: not well-formed JSON (" + e.getOriginalMessage() + ")");
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ApiException(400, fieldOf(e), null, cause.getMessage());
    } catch (UnrecognizedPropertyException e) {
      throw new ApiException(
          400,
          fieldOf(e),
          null,
          fieldOf(e) + ": no such field; known fields: " + e.getKnownPropertyIds());
    } catch (InvalidFormatException e) {
      throw ApiException.badRequest(
          fieldOf(e), e.getValue(), "is not a " + e.getTargetType().getSimpleName());
    } catch (JsonMappingException e) {
      throw new ApiException(400, fieldOf(e), null, fieldOf(e) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ApiException(400, "body", null, "body: " + e.getMessage());
    }
  }

  /**
   * The body's bytes, read once. A body that says its length and is within {@code
   * http.max-body-bytes} is read straight into an array of that length: Javalin's own read copies
   * it through an 8 KB buffer and a growing stream, a tenth of a Jetty thread's samples per
   * submission in the profile. Any other body goes through Javalin, which answers 413 when it is
   * too large.
   */
  private byte[] bodyBytes() {
    if (bodyBytes == null) {
      long length = ctx.req().getContentLengthLong();
      if (length >= 0 && length <= config.http().maxBodyBytes()) {
        try {
          byte[] b = new byte[(int) length];
          int n = ctx.req().getInputStream().readNBytes(b, 0, b.length);
          bodyBytes = n == b.length ? b : Arrays.copyOf(b, n);
        } catch (IOException e) {
          throw new ApiException(
              400, "body", null, "body: cannot be read (" + e.getMessage() + ")");
        }
      } else {
        bodyBytes = ctx.bodyAsBytes();
      }
    }
    return bodyBytes;
  }

  private static boolean startsAnObject(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b == '{';
      }
    }
    return false;
  }

  /**
   * The service {@code type} of this member (an engine, or an interface one offers), else 503
   * naming {@code engine}.
   */
  public <T> T service(Class<T> type, String engine) {
    return SwarmServices.find(member, type).orElseThrow(() -> ApiException.engineOff(engine));
  }

  private static String fieldOf(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "body" : sb.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
