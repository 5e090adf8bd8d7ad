package io.swarmgrid.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swarmgrid.config.internal.EnvOverrides;
import io.swarmgrid.config.internal.YamlTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Loads {@code swarmgrid.yaml}. The file is located, first match wins, at: the system property
 * {@value #CONFIG_PROPERTY}, the environment variable {@value #CONFIG_ENV}, {@value #FILE_NAME} in
 * the working directory, {@value #FILE_NAME} on the classpath, and finally the bundled {@value
 * #DEFAULT_RESOURCE}. Keys the file leaves out take the bundled defaults. Environment variables
 * {@code SWARMGRID_<PATH>} then override single keys: {@code SWARMGRID_NODE_REGION=eu}, {@code
 * SWARMGRID_ENGINES_CONSENSUS=true}, {@code SWARMGRID_NODE_CAPABILITIES=gpu,camera}.
 *
 * <p>Any invalid value (unknown key, wrong type, out-of-range value, a file named explicitly that
 * does not exist, malformed YAML) throws {@link SwarmConfigException} naming the key path, the
 * value and what is allowed, and nothing is started.
 *
 * <p>Over 300 lines on purpose: locating, merging with the defaults, overriding from the
 * environment and binding are one load whose errors all name the same key paths.
 */
public final class SwarmGridConfigLoader {
  /** System property naming the config file. */
  public static final String CONFIG_PROPERTY = "swarmgrid.config";

  /** Environment variable naming the config file (used when the system property is not set). */
  public static final String CONFIG_ENV = "SWARMGRID_CONFIG";

  /**
   * The launcher's own variables ({@code ./swarmgrid}, {@code deploy/bin/swarmgrid-member}): they
   * share the {@code SWARMGRID_} prefix but are never config keys, so a member started by the
   * launcher is not refused for them. Any other {@code SWARMGRID_} variable must name a key. A new
   * launcher variable is added here (a test checks the scripts against this list).
   *
   * <ul>
   *   <li>{@code SWARMGRID_CONFIG}: the config file (see above)
   *   <li>{@code SWARMGRID_JAR}: the member jar {@code deploy/bin/swarmgrid-member} runs
   *   <li>{@code SWARMGRID_JAVA_OPTS}: extra JVM flags for every {@code ./swarmgrid} command
   *   <li>{@code SWARMGRID_HOME}, {@code SWARMGRID_OPTS}: reserved for wrappers and service files
   *       (SwarmGrid itself does not read them)
   *   <li>{@code SWARMGRID_NO_BUILD}: when set, {@code ./swarmgrid} never runs Maven
   * </ul>
   */
  public static final Set<String> LAUNCHER_VARIABLES =
      Set.of(
          CONFIG_ENV,
          "SWARMGRID_JAR",
          "SWARMGRID_JAVA_OPTS",
          "SWARMGRID_OPTS",
          "SWARMGRID_HOME",
          "SWARMGRID_NO_BUILD");

  /** File name looked up in the working directory and on the classpath. */
  public static final String FILE_NAME = "swarmgrid.yaml";

  /** The bundled defaults; it lists every key. */
  public static final String DEFAULT_RESOURCE = "swarmgrid-default.yaml";

  /** The root key of the SwarmGrid block. */
  public static final String ROOT = "swarmgrid";

  private static final YAMLMapper MAPPER = newMapper();

  private SwarmGridConfigLoader() {}

  /** A config and where it came from (for the start-up log line). */
  public record Loaded(SwarmGridConfig config, String source) {}

  /**
   * Locates and loads the config of this JVM: system properties, environment, working directory.
   */
  public static Loaded load() {
    return load(System.getProperties(), System.getenv(), Path.of("").toAbsolutePath());
  }

  /** Locates and loads with explicit inputs (for tools and tests). */
  public static Loaded load(Properties systemProperties, Map<String, String> env, Path workDir) {
    String named = systemProperties.getProperty(CONFIG_PROPERTY);
    String namedBy = CONFIG_PROPERTY;
    if (named == null || named.isBlank()) {
      named = env.get(CONFIG_ENV);
      namedBy = CONFIG_ENV;
    }
    if (named != null && !named.isBlank()) {
      Path file = workDir.resolve(named);
      if (!Files.isRegularFile(file)) {
        throw new SwarmConfigException(
            namedBy, named, "the path of an existing, readable YAML file");
      }
      return new Loaded(parse(read(file), file.toString(), env), file.toString());
    }
    Path local = workDir.resolve(FILE_NAME);
    if (Files.isRegularFile(local)) {
      return new Loaded(parse(read(local), local.toString(), env), local.toString());
    }
    String fromClasspath = resource(FILE_NAME);
    if (fromClasspath != null) {
      return new Loaded(
          parse(fromClasspath, "classpath:" + FILE_NAME, env), "classpath:" + FILE_NAME);
    }
    return new Loaded(parse(null, "bundled defaults", env), "bundled defaults");
  }

  /** Loads a given file, without environment overrides. */
  public static SwarmGridConfig fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SwarmConfigException("file", file, "the path of an existing, readable YAML file");
    }
    return parse(read(file), file.toString(), Map.of());
  }

  /** Parses YAML text, without environment overrides. */
  public static SwarmGridConfig fromYaml(String yaml) {
    return parse(yaml, "YAML text", Map.of());
  }

  /**
   * Parses YAML text over the bundled defaults and applies {@code env} overrides.
   *
   * @param yaml the file's text, or {@code null} for the defaults alone
   * @param source where the text came from, for error messages
   */
  public static SwarmGridConfig parse(String yaml, String source, Map<String, String> env) {
    ObjectNode defaults = defaultTree();
    ObjectNode merged = defaults.deepCopy();
    if (yaml != null) {
      JsonNode user = readTree(yaml, source);
      if (user != null && !user.isMissingNode() && !user.isNull()) {
        if (!user.isObject()) {
          throw new SwarmConfigException(
                  "(document)", user, "a mapping with the single key '" + ROOT + "'")
              .under("", source);
        }
        for (var it = user.fieldNames(); it.hasNext(); ) {
          String key = it.next();
          if (!ROOT.equals(key)) {
            throw new SwarmConfigException(
                    key, YamlTrees.show(user.get(key)), "only the key '" + ROOT + "' at the top")
                .under("", source);
          }
        }
        JsonNode block = user.get(ROOT);
        if (block != null && !block.isNull()) {
          if (!block.isObject()) {
            throw new SwarmConfigException(
                    ROOT,
                    YamlTrees.show(block),
                    "a mapping of sections (node, engines, storage, messaging)")
                .under("", source);
          }
          YamlTrees.deepMerge((ObjectNode) merged.get(ROOT), (ObjectNode) block);
        }
      }
    }
    Map<String, String> fromEnv;
    try {
      fromEnv =
          EnvOverrides.apply(
              env,
              (ObjectNode) merged.get(ROOT),
              (ObjectNode) defaults.get(ROOT),
              ROOT,
              LAUNCHER_VARIABLES);
    } catch (SwarmConfigException e) {
      throw e.under("", "environment");
    }
    try {
      return bind(merged.get(ROOT), "");
    } catch (SwarmConfigException e) {
      String variable = fromEnv.get(e.keyPath());
      throw e.under("", variable != null ? "environment variable " + variable : source);
    }
  }

  private static SwarmGridConfig bind(JsonNode block, String source) {
    try {
      return MAPPER.treeToValue(block, SwarmGridConfig.class);
    } catch (ValueInstantiationException e) {
      if (e.getCause() instanceof SwarmConfigException sce) {
        throw sce.under(path(e), source);
      }
      throw new SwarmConfigException(path(e), null, e.getOriginalMessage(), e).under("", source);
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds() == null
              ? "?"
              : e.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .collect(Collectors.toCollection(TreeSet::new))
                  .toString();
      throw new SwarmConfigException(
              path(e),
              YamlTrees.show(YamlTrees.at(block, e.getPath())),
              "no such key; known keys here: " + known,
              e)
          .under("", source);
    } catch (InvalidFormatException e) {
      throw new SwarmConfigException(path(e), e.getValue(), describe(e.getTargetType()), e)
          .under("", source);
    } catch (MismatchedInputException e) {
      throw new SwarmConfigException(
              path(e),
              YamlTrees.show(YamlTrees.at(block, e.getPath())),
              describe(e.getTargetType()),
              e)
          .under("", source);
    } catch (JsonProcessingException e) {
      throw new SwarmConfigException(ROOT, null, e.getOriginalMessage(), e).under("", source);
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder(ROOT);
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "a value of the documented type";
    }
    if (type == NodeTier.class) {
      return NodeTier.allowedNames();
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a mapping of keys (a " + type.getSimpleName() + " section)";
  }

  private static JsonNode readTree(String yaml, String source) {
    try {
      return MAPPER.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new SwarmConfigException(
              "(yaml" + where + ")", null, "well-formed YAML: " + e.getOriginalMessage(), e)
          .under("", source);
    }
  }

  private static ObjectNode defaultTree() {
    String text = resource(DEFAULT_RESOURCE);
    if (text == null) {
      throw new IllegalStateException(
          DEFAULT_RESOURCE + " is missing from the SwarmGrid config jar");
    }
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(DEFAULT_RESOURCE + " is malformed", e);
    }
  }

  private static String resource(String name) {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    if (cl == null) {
      cl = SwarmGridConfigLoader.class.getClassLoader();
    }
    try (InputStream in = cl.getResourceAsStream(name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + name, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SwarmConfigException(
          "file", file, "a readable UTF-8 YAML file (" + e.getMessage() + ")", e);
    }
  }

  private static YAMLMapper newMapper() {
    YAMLMapper mapper = new YAMLMapper();
    mapper.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    return mapper;
  }
}
