package io.swarmgrid.tasks.workload.logs.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Drain (He et al., ICWS 2017): a parse tree of fixed depth whose first level is the token count
 * and whose next levels are the leading tokens (a token with a digit goes to the wildcard branch),
 * with a list of templates at each leaf; a sequence joins the most similar template of its leaf
 * (share of equal tokens, wildcards not counted) if the similarity reaches the threshold, turning
 * the differing positions into wildcards, or starts a template of its own.
 *
 * <p>Drain's result depends on the order of its input. To make it a function of the set of masked
 * sequences (so that shares mined on different members merge into the same templates), {@link
 * #mine} takes the distinct sequences sorted, and is run on the merged set.
 */
public final class Drain {
  private final int leadingTokens;
  private final double threshold;
  private final int maxChildren;
  private final Map<Integer, Node> byLength = new HashMap<>();

  /**
   * @param depth the tree depth as Drain counts it (root, length, leading tokens, leaves): 4 uses
   *     one leading token
   * @param threshold the similarity a sequence needs to join a template, 0..1
   * @param maxChildren the most children of an inner node before tokens go to the wildcard branch
   */
  public Drain(int depth, double threshold, int maxChildren) {
    this.leadingTokens = Math.max(0, depth - 3);
    this.threshold = threshold;
    this.maxChildren = maxChildren;
  }

  /** Sequence (masked, space-separated tokens) to the template it joined, for every sequence. */
  public Map<String, String> mine(SortedSet<String> sequences) {
    Map<String, Cluster> clusterOf = new HashMap<>();
    for (String sequence : sequences) {
      clusterOf.put(sequence, add(tokens(sequence)));
    }
    Map<String, String> templates = new HashMap<>();
    clusterOf.forEach((s, c) -> templates.put(s, String.join(" ", c.template)));
    return templates;
  }

  private static String[] tokens(String sequence) {
    return sequence.isEmpty() ? new String[0] : sequence.split(" ");
  }

  private Cluster add(String[] tokens) {
    Node searched = search(tokens);
    Cluster best = null;
    double bestSimilarity = -1;
    int bestWildcards = -1;
    for (Cluster c : searched == null ? List.<Cluster>of() : searched.clusters) {
      int equal = 0;
      int wildcards = 0;
      for (int i = 0; i < tokens.length; i++) {
        if (c.template[i].equals(Masking.WILDCARD)) {
          wildcards++;
        } else if (c.template[i].equals(tokens[i])) {
          equal++;
        }
      }
      double similarity = tokens.length == 0 ? 1 : equal / (double) tokens.length;
      if (similarity > bestSimilarity
          || (similarity == bestSimilarity && wildcards > bestWildcards)) {
        best = c;
        bestSimilarity = similarity;
        bestWildcards = wildcards;
      }
    }
    if (best != null && bestSimilarity >= threshold) {
      for (int i = 0; i < tokens.length; i++) {
        if (!best.template[i].equals(tokens[i])) {
          best.template[i] = Masking.WILDCARD;
        }
      }
      return best;
    }
    Node leaf = byLength.computeIfAbsent(tokens.length, n -> new Node());
    for (int i = 0; i < Math.min(leadingTokens, tokens.length); i++) {
      leaf = leaf.child(tokens[i], maxChildren);
    }
    Cluster fresh = new Cluster(Arrays.copyOf(tokens, tokens.length));
    leaf.clusters.add(fresh);
    return fresh;
  }

  /** The leaf a sequence is matched in: exact token branches, else the wildcard branch. */
  private Node search(String[] tokens) {
    Node node = byLength.get(tokens.length);
    for (int i = 0; node != null && i < Math.min(leadingTokens, tokens.length); i++) {
      Node next = node.children.get(tokens[i]);
      node = next != null ? next : node.children.get(Masking.WILDCARD);
    }
    return node;
  }

  private static final class Node {
    private final Map<String, Node> children = new HashMap<>();
    private final List<Cluster> clusters = new ArrayList<>();

    /** The branch for {@code token}, as Drain routes it. */
    Node child(String token, int maxChildren) {
      Node exact = children.get(token);
      if (exact != null) {
        return exact;
      }
      if (hasDigit(token) || token.contains(Masking.WILDCARD)) {
        return children.computeIfAbsent(Masking.WILDCARD, t -> new Node());
      }
      boolean hasWildcard = children.containsKey(Masking.WILDCARD);
      int room = maxChildren - children.size() - (hasWildcard ? 0 : 1);
      if (room > 0) {
        Node node = new Node();
        children.put(token, node);
        return node;
      }
      return children.computeIfAbsent(Masking.WILDCARD, t -> new Node());
    }

    private static boolean hasDigit(String token) {
      return token.chars().anyMatch(Character::isDigit);
    }
  }

  /** A template being mined: its tokens, wildcards where its sequences differ. */
  private static final class Cluster {
    private final String[] template;

    Cluster(String[] template) {
      this.template = template;
    }
  }
}
