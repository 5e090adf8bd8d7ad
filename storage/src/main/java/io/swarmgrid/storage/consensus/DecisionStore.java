package io.swarmgrid.storage.consensus;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.projection.Projections;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.internal.EntryLimit;
import io.swarmgrid.storage.model.ModelRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Reading decisions ({@code swarm.decisions}) and reporting outcomes ({@code swarm.outcomes}), from
 * a member or a client. One map listener per store feeds every {@link #await} and {@link
 * #addListener}.
 */
public final class DecisionStore implements AutoCloseable {
  /** Name of the consensus success model in {@code swarm.models}. */
  public static final String MODEL_NAME = "consensus-outcome";

  /** Most decisions {@link #history} returns. */
  public static final int MAX_HISTORY = 1000;

  private final IMap<String, Decision> decisions;
  private final EntryLimit outcomeLimit;
  private final IMap<String, Proposal> proposals;
  private final IMap<String, OutcomeRecord> outcomes;
  private final IMap<String, ModelRecord> models;
  private final HazelcastInstance hz;
  private final DecisionWaiters waiting;
  private final Map<UUID, Consumer<Decision>> listeners = new ConcurrentHashMap<>();
  private volatile UUID registration;
  private volatile UUID lifecycleRegistration;

  /** The store of the cluster {@code hz} belongs to, with the default entry limit. */
  public DecisionStore(HazelcastInstance hz) {
    this(hz, StorageConfig.DEFAULTS.maxEntriesPerMember());
  }

  /**
   * The store of the cluster {@code hz} belongs to.
   *
   * @param maxEntriesPerMember {@code storage.max-entries-per-member}: outcomes beyond this many
   *     per data member are refused (outcomes are never evicted)
   */
  public DecisionStore(HazelcastInstance hz, int maxEntriesPerMember) {
    this.decisions = hz.getMap(SwarmMap.DECISIONS.mapName());
    this.proposals = hz.getMap(SwarmMap.PROPOSALS.mapName());
    this.outcomes = hz.getMap(SwarmMap.OUTCOMES.mapName());
    this.models = hz.getMap(SwarmMap.MODELS.mapName());
    this.outcomeLimit = new EntryLimit(hz, outcomes, maxEntriesPerMember);
    this.hz = hz;
    this.waiting = new DecisionWaiters(decisions, proposals);
  }

  /** The committed decision of {@code proposalId}, if there is one. */
  public Optional<Decision> get(String proposalId) {
    return Optional.ofNullable(decisions.get(proposalId));
  }

  /** The proposal, if it exists. */
  public Optional<Proposal> proposal(String proposalId) {
    return Optional.ofNullable(proposals.get(proposalId));
  }

  /**
   * Completes with the committed decision of {@code proposalId}: at once if it is already
   * committed, else when it is. Every observer gets the same decision. Completes exceptionally with
   * an {@link IllegalArgumentException} if there is no such proposal. Cancelling the returned
   * future (or {@code orTimeout}) stops this caller's wait and nothing else.
   */
  public CompletableFuture<Decision> await(String proposalId) {
    ensureListening();
    return waiting.await(proposalId);
  }

  /** Proposals awaited through this store right now. */
  int awaited() {
    return waiting.size();
  }

  /** Calls {@code listener} with every decision committed from now on; returns its id. */
  public UUID addListener(Consumer<Decision> listener) {
    ensureListening();
    UUID id = UUID.randomUUID();
    listeners.put(id, listener);
    return id;
  }

  /** Stops a listener. */
  public boolean removeListener(UUID id) {
    return listeners.remove(id) != null;
  }

  /**
   * The newest decisions, of {@code type} or of any type if null, at most {@code limit} (1..1000).
   */
  public List<Decision> history(DecisionType type, int limit) {
    if (limit < 1 || limit > MAX_HISTORY) {
      throw new IllegalArgumentException("limit: " + limit + " is outside 1.." + MAX_HISTORY);
    }
    Predicate<String, Decision> filter =
        type == null ? Predicates.alwaysTrue() : Predicates.equal("type", type.name());
    return newest(decisions, filter, "decidedAt", limit);
  }

  /**
   * The newest {@code limit} values of {@code map} by {@code timeField}, newest first. Reads (key,
   * time) pairs first and then only the chosen values: the maps hold up to a day of decisions or
   * every outcome, which {@code values()} pulled whole into this JVM (issue 13).
   */
  private static <V> List<V> newest(
      IMap<String, V> map, Predicate<String, V> filter, String timeField, int limit) {
    List<String> keys =
        map.project(Projections.multiAttribute("__key", timeField), filter).stream()
            .sorted(
                Comparator.comparingLong((Object[] r) -> ((Number) r[1]).longValue())
                    .reversed()
                    .thenComparing(r -> (String) r[0]))
            .limit(limit)
            .map(r -> (String) r[0])
            .toList();
    Map<String, V> found = map.getAll(new HashSet<>(keys));
    List<V> list = new ArrayList<>();
    for (String k : keys) {
      V v = found.get(k);
      if (v != null) {
        list.add(v);
      }
    }
    return list;
  }

  /**
   * Records whether a decided proposal went well: a training example for the learned model.
   *
   * @throws IllegalArgumentException if the proposal has no committed decision, or its outcome was
   *     reported already; nothing is stored
   * @throws IllegalStateException if {@code swarm.outcomes} is full; nothing is stored
   */
  public OutcomeRecord reportOutcome(String proposalId, boolean success) {
    Decision d = decisions.get(proposalId);
    if (d == null) {
      throw new IllegalArgumentException(
          "proposalId: '" + proposalId + "' has no committed decision");
    }
    Proposal p = proposals.get(proposalId);
    if (p == null) {
      throw new IllegalArgumentException(
          "proposalId: '" + proposalId + "' is no longer in swarm.proposals");
    }
    OutcomeRecord record = outcomeOf(p, d, success, System.currentTimeMillis());
    outcomeLimit.checkRoomFor(1);
    if (outcomes.putIfAbsent(proposalId, record) != null) {
      throw new IllegalArgumentException(
          "proposalId: the outcome of '" + proposalId + "' was already reported");
    }
    return record;
  }

  /** The training example that a proposal, its decision and its outcome make. */
  public static OutcomeRecord outcomeOf(Proposal p, Decision d, boolean success, long when) {
    return new OutcomeRecord(
        p.id(),
        p.type(),
        p.priority(),
        p.confidence(),
        p.features(),
        supportFraction(d),
        d.meanConfidence(),
        d.voters().size(),
        success,
        when);
  }

  /**
   * Share of the eligible weight behind the winning option (or behind the first option when none
   * won), 0..1: the "approve weight fraction" the learned model sees.
   */
  public static double supportFraction(Decision d) {
    if (d.optionWeights().length == 0 || d.eligibleWeight() <= 0) {
      return 0;
    }
    double w = d.optionWeights()[d.outcome() >= 0 ? d.outcome() : 0];
    return Math.max(0, Math.min(1.0, w / d.eligibleWeight()));
  }

  /** Every reported outcome, oldest first, at most the newest {@code max}. */
  public List<OutcomeRecord> outcomes(int max) {
    List<OutcomeRecord> list =
        new ArrayList<>(newest(outcomes, Predicates.alwaysTrue(), "reportedAt", Math.max(0, max)));
    java.util.Collections.reverse(list);
    return list;
  }

  /** The current consensus success model, if one has been trained. */
  public Optional<ModelRecord> model() {
    return Optional.ofNullable(models.get(MODEL_NAME));
  }

  private void ensureListening() {
    if (registration == null) {
      synchronized (this) {
        if (registration == null) {
          registration = decisions.addEntryListener(new Events(), true);
          // Events sent while a client reconnects are lost: read what we wait for again then.
          lifecycleRegistration =
              hz.getLifecycleService()
                  .addLifecycleListener(
                      e -> {
                        if (e.getState() == LifecycleState.CLIENT_CONNECTED) {
                          waiting.recheckSoon();
                        }
                      });
        }
      }
    }
  }

  /**
   * Any event that carries a decision completes its waits (a split-brain merge publishes MERGED,
   * not ADDED); listeners hear of a decision when it is added or merged in, once per proposal in a
   * cluster that did not split.
   */
  private final class Events
      implements EntryAddedListener<String, Decision>,
          EntryUpdatedListener<String, Decision>,
          EntryMergedListener<String, Decision> {
    @Override
    public void entryAdded(EntryEvent<String, Decision> event) {
      arrived(event.getValue(), true);
    }

    @Override
    public void entryUpdated(EntryEvent<String, Decision> event) {
      arrived(event.getValue(), false);
    }

    @Override
    public void entryMerged(EntryEvent<String, Decision> event) {
      arrived(event.getValue(), true);
    }

    private void arrived(Decision d, boolean tell) {
      if (d == null) {
        return;
      }
      waiting.complete(d);
      if (tell) {
        listeners.values().forEach(l -> l.accept(d));
      }
    }
  }

  /** Stops listening. */
  @Override
  public void close() {
    waiting.close();
    UUID r = registration;
    if (r != null) {
      decisions.removeEntryListener(r);
    }
    UUID l = lifecycleRegistration;
    if (l != null) {
      hz.getLifecycleService().removeLifecycleListener(l);
    }
  }
}
