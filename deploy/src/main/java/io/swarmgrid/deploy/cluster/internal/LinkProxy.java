package io.swarmgrid.deploy.cluster.internal;

import io.swarmgrid.storage.runtime.SwarmThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy in front of one member, on the port the member advertises: every member and client
 * connection to the member passes through it. It tells which node a connection comes from by the
 * source port (each member's outbound ports are its own range) and applies the cluster's {@link
 * NetworkRules}: a cut refuses and closes connections from the other side, a latency holds each
 * direction's bytes. The rules file is polled, so a rule takes effect within a poll.
 */
public final class LinkProxy {
  /** How often the rules file is read. */
  static final long POLL_MILLIS = 200;

  private static final Logger LOG = LoggerFactory.getLogger(LinkProxy.class);

  private final LinkProxySetup setup;
  private final ServerSocket server;
  private final LinkCounters counters = new LinkCounters();
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private volatile NetworkRules rules = new NetworkRules(List.of());
  private volatile LinkProxySeen lastSeen;

  /** One proxied connection and the node it comes from (null: a client). */
  private record Link(String peer, Socket accepted, Socket member, AtomicBoolean open) {
    void close() {
      if (open.compareAndSet(true, false)) {
        for (Socket s : new Socket[] {accepted, member}) {
          try {
            s.close();
          } catch (IOException e) {
            // Already closed.
          }
        }
      }
    }
  }

  private LinkProxy(LinkProxySetup setup, ServerSocket server) {
    this.setup = setup;
    this.server = server;
  }

  /** Binds the proxy's port and starts accepting and polling the rules. */
  public static LinkProxy start(LinkProxySetup setup) {
    try {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), setup.listenPort()));
      LinkProxy proxy = new LinkProxy(setup, server);
      proxy.poll();
      ScheduledExecutorService poller = SwarmThreads.scheduler("link-proxy-rules");
      poller.scheduleWithFixedDelay(
          proxy::pollQuietly, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
      SwarmThreads.start("link-proxy-accept", proxy::acceptLoop);
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "link proxy of " + setup.node() + ": cannot listen on port " + setup.listenPort(), e);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket accepted = server.accept();
        String peer = setup.nodeOf(accepted.getPort());
        if (rules.cuts(setup.node(), peer)) {
          counters.refused();
          accepted.close();
          continue;
        }
        connect(accepted, peer);
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.warn("link proxy of {}: accept failed: {}", setup.node(), e.toString());
        }
      }
    }
  }

  private void connect(Socket accepted, String peer) throws IOException {
    Socket member = new Socket();
    try {
      member.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), setup.memberPort()), 5000);
      accepted.setTcpNoDelay(true);
      member.setTcpNoDelay(true);
    } catch (IOException e) {
      // The member is not listening yet (or any more): the caller sees a closed connection.
      accepted.close();
      member.close();
      return;
    }
    Link link = new Link(peer, accepted, member, new AtomicBoolean(true));
    links.add(link);
    Runnable end =
        () -> {
          link.close();
          links.remove(link);
        };
    String name = "link-" + (peer == null ? "client" : peer) + "-" + accepted.getPort();
    new LinkPump(accepted, member, () -> latency(peer), counters, end).start(name + "-in");
    new LinkPump(member, accepted, () -> latency(peer), counters, end).start(name + "-out");
  }

  private long latency(String peer) {
    return rules.latencyBetween(setup.node(), peer);
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.warn("link proxy of {}: {}", setup.node(), e.toString());
    }
  }

  private void poll() {
    NetworkRules now =
        NetworkRules.read(Path.of(setup.rulesFile())).holdingAt(System.currentTimeMillis());
    if (!now.equals(rules)) {
      LOG.info(
          "link proxy of {}: network rules now {}", setup.node(), now.describeFor(setup.node()));
      rules = now;
      for (Link link : links) {
        if (now.cuts(setup.node(), link.peer())) {
          counters.closed();
          link.close();
          links.remove(link);
        }
      }
    }
    LinkProxySeen seen = counters.seen(setup.node(), now.rules());
    if (!seen.equals(lastSeen)) {
      seen.write(Path.of(setup.seenFile()));
      lastSeen = seen;
    }
  }
}
