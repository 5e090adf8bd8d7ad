package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

/**
 * How SwarmGrid keeps the CP group that commits decisions at its size ({@code
 * swarmgrid.consensus.cp}).
 *
 * @param missingMemberRemoval seconds a CP member may be missing from the cluster (after
 *     Hazelcast's failure detector removed it) before it is removed from the CP Subsystem, so that
 *     a member outside CP can take its seat (it is kept while there is none); 0 never removes one
 *     (Hazelcast's own default is 4 hours). 0..86400, default {@value
 *     #DEFAULT_MISSING_MEMBER_REMOVAL}: in a swarm, members come and go within minutes, and with 3
 *     CP members a second loss before the first seat is filled stops every commit; 20 s rides out a
 *     member restarting in place, and only the side of a split that keeps the CP majority can
 *     remove anyone (docs/CONSENSUS.md)
 */
public record CpConfig(int missingMemberRemoval) {
  /** Default {@code missing-member-removal}, in seconds. */
  public static final int DEFAULT_MISSING_MEMBER_REMOVAL = 20;

  /** The bundled defaults. */
  public static final CpConfig DEFAULTS = new CpConfig(DEFAULT_MISSING_MEMBER_REMOVAL);

  /** Validates every field. */
  public CpConfig {
    range("missing-member-removal", missingMemberRemoval, 0, 86_400);
  }
}
