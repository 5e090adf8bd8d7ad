package io.swarmgrid.client.cli;

import java.util.Map;

/**
 * Log levels a command sets for itself before the first logger is made (slf4j-simple reads them
 * once). A level the user set with {@code -D} (e.g. in {@code SWARMGRID_JAVA_OPTS}) is kept.
 */
public final class LogDefaults {
  private static final String PREFIX = "org.slf4j.simpleLogger.log.";

  private LogDefaults() {}

  /** Sets {@code logger -> level} for each logger the user did not set. */
  public static void set(Map<String, String> levels) {
    levels.forEach(
        (logger, level) -> {
          if (System.getProperty(PREFIX + logger) == null) {
            System.setProperty(PREFIX + logger, level);
          }
        });
  }

  /**
   * For commands that only connect a client: the Hazelcast client's connection warnings would bury
   * the one line that says what went wrong.
   */
  public static void quietClient() {
    set(Map.of("com.hazelcast", "off"));
  }
}
