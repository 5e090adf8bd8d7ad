package io.swarmgrid.tasks.swarm.tsp;

/** TSPLIB's distance functions for coordinate instances, exactly as TSPLIB 95 defines them. */
public enum EdgeWeightType {
  /** Euclidean distance rounded to the nearest integer: nint(sqrt(dx²+dy²)). */
  EUC_2D {
    @Override
    public int distance(City a, City b) {
      return nint(Math.sqrt(dx(a, b) * dx(a, b) + dy(a, b) * dy(a, b)));
    }
  },
  /** Euclidean distance rounded up. */
  CEIL_2D {
    @Override
    public int distance(City a, City b) {
      return (int) Math.ceil(Math.sqrt(dx(a, b) * dx(a, b) + dy(a, b) * dy(a, b)));
    }
  },
  /** Pseudo-Euclidean: r = sqrt((dx²+dy²)/10), t = nint(r), t+1 if t &lt; r. */
  ATT {
    @Override
    public int distance(City a, City b) {
      double r = Math.sqrt((dx(a, b) * dx(a, b) + dy(a, b) * dy(a, b)) / 10.0);
      int t = nint(r);
      return t < r ? t + 1 : t;
    }
  },
  /** Geographical distance on TSPLIB's idealised sphere, coordinates as DDD.MM. */
  GEO {
    private static final double PI = 3.141592;
    private static final double RRR = 6378.388;

    @Override
    public int distance(City a, City b) {
      double latA = radians(a.x());
      double lonA = radians(a.y());
      double latB = radians(b.x());
      double lonB = radians(b.y());
      double q1 = Math.cos(lonA - lonB);
      double q2 = Math.cos(latA - latB);
      double q3 = Math.cos(latA + latB);
      return (int) (RRR * Math.acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) + 1.0);
    }

    // TSPLIB truncates to whole degrees; the fraction is minutes.
    private double radians(double ddmm) {
      int deg = (int) ddmm;
      double min = ddmm - deg;
      return PI * (deg + 5.0 * min / 3.0) / 180.0;
    }
  };

  /** The distance between two cities, an integer as TSPLIB requires. */
  public abstract int distance(City a, City b);

  /** TSPLIB's nint: (int) (x + 0.5). */
  static int nint(double x) {
    return (int) (x + 0.5);
  }

  private static double dx(City a, City b) {
    return a.x() - b.x();
  }

  private static double dy(City a, City b) {
    return a.y() - b.y();
  }
}
