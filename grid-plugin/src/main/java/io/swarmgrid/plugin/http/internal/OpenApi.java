package io.swarmgrid.plugin.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swarmgrid.config.SwarmGridVersion;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3 description of the server, built from the route table. */
public final class OpenApi {
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  private OpenApi() {}

  /** The document as JSON bytes. */
  public static byte[] render(List<RouteSpec> routes, ObjectMapper json) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(of(routes, json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the OpenAPI document", e);
    }
  }

  static ObjectNode of(List<RouteSpec> routes, ObjectMapper json) {
    ObjectNode doc = json.createObjectNode();
    doc.put("openapi", "3.0.3");
    ObjectNode info = doc.putObject("info");
    info.put("title", "SwarmGrid member API");
    info.put("version", SwarmGridVersion.get());
    info.put(
        "description",
        "Every /api route needs Authorization: Bearer TOKEN (swarmgrid.http.token); errors are"
            + " {\"error\",\"field\",\"value\"}; lists take ?offset=&limit=.");
    ObjectNode schemes = doc.putObject("components").putObject("securitySchemes");
    schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
    doc.putArray("security").addObject().putArray("bearer");
    ObjectNode paths = doc.putObject("paths");
    for (RouteSpec r : routes) {
      ObjectNode op = operation(paths, r.path(), r.method(), r.tag(), r.summary());
      if (r.bodyExample() != null) {
        ObjectNode media =
            op.putObject("requestBody")
                .put("required", true)
                .putObject("content")
                .putObject("application/json");
        media.putObject("schema").put("type", "object");
        media.put("example", r.bodyExample());
      }
      if ("GET".equals(r.method()) && !r.path().endsWith("}")) {
        ArrayNode params = op.withArray("parameters");
        params.add(query(json, "offset", "index of the first item (lists)"));
        params.add(query(json, "limit", "most items (lists), at most http.page-size-limit"));
      }
    }
    open(paths, "/health/live", "health", "200 while the member runs");
    open(paths, "/health/ready", "health", "200 when joined, CP available, engines started");
    open(paths, "/openapi.json", "meta", "this document");
    operation(paths, "/metrics", "GET", "metrics", "Prometheus text format of every meter");
    operation(
        paths,
        RouteTable.PREFIX + "/dashboard",
        "GET",
        "dashboard",
        "the snapshot of the cluster the dashboard shows");
    operation(
        paths,
        RouteTable.PREFIX + "/events",
        "GET",
        "dashboard",
        "server-sent events: a 'snapshot' of the cluster every second (?token= allowed)");
    return doc;
  }

  private static ObjectNode operation(
      ObjectNode paths, String path, String method, String tag, String summary) {
    ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
    ObjectNode op = item.putObject(method.toLowerCase(java.util.Locale.ROOT));
    op.putArray("tags").add(tag);
    op.put("summary", summary);
    Matcher m = PARAM.matcher(path);
    while (m.find()) {
      ObjectNode p = op.withArray("parameters").addObject();
      p.put("name", m.group(1)).put("in", "path").put("required", true);
      p.putObject("schema").put("type", "string");
    }
    ObjectNode responses = op.putObject("responses");
    responses.putObject("200").put("description", "the answer as JSON");
    responses.putObject("400").put("description", "bad input, naming the field and value");
    responses.putObject("401").put("description", "no or wrong bearer token");
    responses.putObject("404").put("description", "unknown id");
    return op;
  }

  private static void open(ObjectNode paths, String path, String tag, String summary) {
    operation(paths, path, "GET", tag, summary).putArray("security");
  }

  private static ObjectNode query(ObjectMapper json, String name, String description) {
    ObjectNode p = json.createObjectNode();
    p.put("name", name).put("in", "query").put("required", false).put("description", description);
    p.putObject("schema").put("type", "integer");
    return p;
  }
}
