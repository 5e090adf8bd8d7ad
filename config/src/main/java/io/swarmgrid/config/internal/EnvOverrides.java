package io.swarmgrid.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swarmgrid.config.SwarmConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies {@code SWARMGRID_...} environment variables to a config tree. A variable's name, after
 * the prefix, is the key path with dots and dashes written as underscores; it is matched against
 * the bundled defaults (which list every key), so {@code SWARMGRID_NODE_KEY_FILE} finds {@code
 * node.key-file}. The default's type decides how the text is read.
 */
public final class EnvOverrides {
  /** Prefix of override variables. */
  public static final String PREFIX = "SWARMGRID_";

  private EnvOverrides() {}

  /**
   * Sets every override in {@code target}.
   *
   * @param schema the defaults tree, used to resolve names and types
   * @param rootName name of the root key, for messages
   * @param notKeys variables with the prefix that are never keys (the launcher's own)
   * @return the key paths that were set, each with the variable that set it
   */
  public static Map<String, String> apply(
      Map<String, String> env,
      ObjectNode target,
      ObjectNode schema,
      String rootName,
      Set<String> notKeys) {
    Map<String, String> applied = new TreeMap<>();
    // Sorted so that errors are reported in a stable order.
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(PREFIX) || notKeys.contains(name)) {
        continue;
      }
      String[] tokens = name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).split("_");
      String keyPath = resolve(tokens, 0, target, schema, rootName, name, e.getValue());
      if (keyPath == null) {
        throw new SwarmConfigException(
            name,
            e.getValue(),
            "a variable naming a key of swarmgrid.yaml, e.g. SWARMGRID_NODE_REGION");
      }
      applied.put(keyPath, name);
    }
    return applied;
  }

  private static String resolve(
      String[] tokens,
      int from,
      ObjectNode target,
      ObjectNode schema,
      String path,
      String var,
      String text) {
    for (int to = from + 1; to <= tokens.length; to++) {
      String key = String.join("-", Arrays.copyOfRange(tokens, from, to));
      JsonNode schemaChild = schema.get(key);
      if (schemaChild == null) {
        continue;
      }
      String keyPath = path + "." + key;
      if (to == tokens.length) {
        target.set(key, convert(schemaChild, text, var + " (" + keyPath + ")"));
        return keyPath;
      }
      if (schemaChild instanceof ObjectNode schemaObject) {
        JsonNode targetChild = target.get(key);
        ObjectNode targetObject;
        if (targetChild instanceof ObjectNode existing) {
          targetObject = existing;
        } else {
          targetObject = JsonNodeFactory.instance.objectNode();
          target.set(key, targetObject);
        }
        String found = resolve(tokens, to, targetObject, schemaObject, keyPath, var, text);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static JsonNode convert(JsonNode schema, String text, String where) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (schema.isBoolean()) {
      if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
        return f.booleanNode(Boolean.parseBoolean(text));
      }
      throw new SwarmConfigException(where, text, "true or false");
    }
    if (schema.isIntegralNumber()) {
      try {
        return f.numberNode(Long.parseLong(text.trim()));
      } catch (NumberFormatException ex) {
        throw new SwarmConfigException(where, text, "a whole number");
      }
    }
    if (schema.isArray()) {
      ArrayNode array = f.arrayNode();
      for (String item : text.split(",")) {
        if (!item.isBlank()) {
          array.add(item.trim());
        }
      }
      return array;
    }
    if (schema.isObject()) {
      throw new SwarmConfigException(
          where, text, "a single key inside this section, not the section itself");
    }
    return f.textNode(text);
  }
}
