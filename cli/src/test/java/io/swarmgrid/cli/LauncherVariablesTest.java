package io.swarmgrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.config.SwarmGridConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code SWARMGRID_} variable the launchers read or set is in {@link
 * SwarmGridConfigLoader#LAUNCHER_VARIABLES}: otherwise a member they start refuses it as an unknown
 * config key (as it once did for {@code SWARMGRID_JAR}).
 */
class LauncherVariablesTest {
  private static final Path REPO = Path.of("..");
  private static final Pattern READ_OR_SET =
      Pattern.compile("\\$\\{?(SWARMGRID_[A-Z0-9_]+)|\\b(SWARMGRID_[A-Z0-9_]+)=");

  @Test
  void everyVariableTheScriptsUse_isALauncherVariable() throws IOException {
    Set<String> used = new TreeSet<>();
    for (Path script :
        new Path[] {REPO.resolve("swarmgrid"), REPO.resolve("deploy/bin/swarmgrid-member")}) {
      Matcher m = READ_OR_SET.matcher(Files.readString(script));
      while (m.find()) {
        used.add(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    assertThat(used).contains("SWARMGRID_JAVA_OPTS", "SWARMGRID_NO_BUILD", "SWARMGRID_JAR");
    assertThat(SwarmGridConfigLoader.LAUNCHER_VARIABLES).containsAll(used);
  }
}
