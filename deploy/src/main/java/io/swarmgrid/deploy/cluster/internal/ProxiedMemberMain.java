package io.swarmgrid.deploy.cluster.internal;

import io.swarmgrid.deploy.MemberMain;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A local cluster node's entry point: its {@link LinkProxy} (from {@code link-proxy.json} in the
 * working directory), then the member as {@link MemberMain} runs it.
 */
public final class ProxiedMemberMain {
  private ProxiedMemberMain() {}

  /** {@code --link-proxy FILE} then the member's arguments. */
  public static void main(String[] args) {
    if (args.length < 2 || !args[0].equals("--link-proxy")) {
      System.err.println("usage: ProxiedMemberMain --link-proxy FILE MEMBER-ARGS...");
      System.exit(2);
    }
    LinkProxy.start(LinkProxySetup.read(Path.of(args[1])));
    MemberMain.main(Arrays.copyOfRange(args, 2, args.length));
  }
}
