package io.swarmgrid.tasks.diffusion;

import java.io.Serializable;
import java.util.concurrent.Callable;

/** An empty call whose round trip measures the latency between two members. */
public final class Ping implements Callable<Boolean>, Serializable {
  private static final long serialVersionUID = 1L;

  @Override
  public Boolean call() {
    return Boolean.TRUE;
  }
}
