package io.swarmgrid.deploy.cluster.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a member port is free on the loopback address the members bind. */
public final class Ports {
  private Ports() {}

  /** True if nothing listens on 127.0.0.1:{@code port} (or on every address at it). */
  public static boolean free(int port) {
    try (ServerSocket s = new ServerSocket()) {
      // As Hazelcast binds: connections of a stopped member in TIME_WAIT do not block the port.
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
