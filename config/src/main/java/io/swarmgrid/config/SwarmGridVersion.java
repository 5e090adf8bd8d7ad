package io.swarmgrid.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SwarmGrid version this jar was built as. */
public final class SwarmGridVersion {
  private static final String VERSION = read();

  private SwarmGridVersion() {}

  /** E.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} if the build left no version file. */
  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in =
        SwarmGridVersion.class.getResourceAsStream("/swarmgrid-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
