package io.swarmgrid.config.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Small operations on YAML trees: overlaying a user file on the defaults, finding a node by path.
 */
public final class YamlTrees {
  private YamlTrees() {}

  /** Overlays {@code top} onto {@code base}: mappings merge key by key, anything else replaces. */
  public static void deepMerge(ObjectNode base, ObjectNode top) {
    for (Map.Entry<String, JsonNode> e : top.properties()) {
      JsonNode existing = base.get(e.getKey());
      if (existing instanceof ObjectNode baseChild && e.getValue() instanceof ObjectNode topChild) {
        deepMerge(baseChild, topChild);
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  /** The node at a Jackson error path, or {@code null}. */
  public static JsonNode at(JsonNode root, List<JsonMappingException.Reference> path) {
    JsonNode node = root;
    for (JsonMappingException.Reference ref : path) {
      if (node == null) {
        return null;
      }
      node = ref.getFieldName() != null ? node.get(ref.getFieldName()) : node.get(ref.getIndex());
    }
    return node;
  }

  /** A node as the user wrote it: text without quotes, other nodes as compact JSON. */
  public static String show(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
