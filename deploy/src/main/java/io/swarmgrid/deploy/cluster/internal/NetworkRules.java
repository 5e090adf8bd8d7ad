package io.swarmgrid.deploy.cluster.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cluster directory's {@code network-rules.json}: the cuts and latencies {@code chaos} set,
 * which every member's link proxy polls. Written whole (a temporary file moved into place), so a
 * proxy never reads half of it.
 *
 * @param rules the rules, expired ones included until the next write drops them
 */
public record NetworkRules(List<NetworkRule> rules) {
  /** The file's name in the cluster directory. */
  public static final String FILE = "network-rules.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public NetworkRules {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** The rules in {@code file}; none if it does not exist. */
  public static NetworkRules read(Path file) {
    try {
      return JSON.readValue(Files.readAllBytes(file), NetworkRules.class);
    } catch (NoSuchFileException e) {
      return new NetworkRules(List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes these rules to {@code file}, whole. */
  public void write(Path file) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), this);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The rules that still hold at {@code nowMillis}. */
  public NetworkRules holdingAt(long nowMillis) {
    return new NetworkRules(rules.stream().filter(r -> r.holdsAt(nowMillis)).toList());
  }

  /** These rules and {@code rule}. */
  public NetworkRules with(NetworkRule rule) {
    List<NetworkRule> all = new ArrayList<>(rules);
    all.add(rule);
    return new NetworkRules(all);
  }

  /** These rules without {@code rule}. */
  public NetworkRules without(NetworkRule rule) {
    return new NetworkRules(rules.stream().filter(r -> !r.equals(rule)).toList());
  }

  /** Whether a rule cuts {@code x} from {@code y}. */
  public boolean cuts(String x, String y) {
    return rules.stream().anyMatch(r -> r.cuts(x, y));
  }

  /** The largest latency a rule adds between {@code x} and {@code y} (null: a client). */
  public long latencyBetween(String x, String y) {
    return rules.stream().mapToLong(r -> r.latencyBetween(x, y)).max().orElse(0);
  }

  /** What {@code status} shows for {@code node}: "cut from ...; slow 200ms", or "-". */
  public String describeFor(String node) {
    String text =
        rules.stream()
            .map(r -> r.describeFor(node))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.joining("; "));
    return text.isEmpty() ? "-" : text;
  }
}
