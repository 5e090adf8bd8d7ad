package io.swarmgrid.client.cli;

import com.hazelcast.instance.BuildInfoProvider;
import io.swarmgrid.config.SwarmGridVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: SwarmGrid's project version, the Hazelcast it runs on, and the JVM. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "swarmgrid " + SwarmGridVersion.get(),
      "hazelcast " + BuildInfoProvider.getBuildInfo().getVersion(),
      "java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")"
    };
  }
}
