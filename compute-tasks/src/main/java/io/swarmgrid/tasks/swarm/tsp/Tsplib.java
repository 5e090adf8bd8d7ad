package io.swarmgrid.tasks.swarm.tsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads TSPLIB 95 files: symmetric {@code TYPE: TSP} instances with a {@code NODE_COORD_SECTION}
 * ({@code EUC_2D}, {@code CEIL_2D}, {@code ATT}, {@code GEO}) and {@code TYPE: TOUR} files; writes
 * tours. Errors name the file and line.
 */
public final class Tsplib {
  private Tsplib() {}

  /** Reads an instance file. */
  public static TspInstance readInstance(Path file) {
    return parseInstance(file.toString(), lines(file));
  }

  /** Reads a tour file as 0-based city indices. */
  public static int[] readTour(Path file) {
    return parseTour(file.toString(), lines(file));
  }

  /**
   * Parses an instance.
   *
   * @param source names the input in error messages
   * @throws TsplibFormatException naming the line
   */
  public static TspInstance parseInstance(String source, List<String> lines) {
    String name = null;
    String comment = "";
    EdgeWeightType type = null;
    int dimension = -1;
    List<City> cities = new ArrayList<>();
    boolean inCoords = false;
    for (int i = 0; i < lines.size(); i++) {
      int no = i + 1;
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      if (line.equals("EOF")) {
        break;
      }
      if (inCoords) {
        cities.add(city(source, no, line, cities.size() + 1));
        continue;
      }
      if (line.startsWith("NODE_COORD_SECTION")) {
        if (type == null) {
          throw new TsplibFormatException(source, no, "NODE_COORD_SECTION before EDGE_WEIGHT_TYPE");
        }
        inCoords = true;
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new TsplibFormatException(source, no, "expected 'KEY : VALUE', found '" + line + "'");
      }
      String key = line.substring(0, colon).trim().toUpperCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "NAME" -> name = value;
        case "COMMENT" -> comment = comment.isEmpty() ? value : comment + " " + value;
        case "TYPE" -> {
          if (!value.equals("TSP")) {
            throw new TsplibFormatException(
                source, no, "TYPE '" + value + "' is not supported; allowed: TSP");
          }
        }
        case "DIMENSION" -> dimension = positiveInt(source, no, "DIMENSION", value);
        case "EDGE_WEIGHT_TYPE" -> type = weightType(source, no, value);
        case "NODE_COORD_TYPE", "DISPLAY_DATA_TYPE" -> {
          // Informational for coordinate instances.
        }
        default -> throw new TsplibFormatException(source, no, "unsupported keyword '" + key + "'");
      }
    }
    int last = lines.size();
    if (name == null) {
      throw new TsplibFormatException(source, last, "no NAME");
    }
    if (!inCoords) {
      throw new TsplibFormatException(source, last, "no NODE_COORD_SECTION");
    }
    if (dimension != cities.size()) {
      throw new TsplibFormatException(
          source, last, "DIMENSION is " + dimension + " but " + cities.size() + " nodes were read");
    }
    return new TspInstance(name, comment, type, cities);
  }

  /**
   * Parses a tour file ({@code TOUR_SECTION}, 1-based ids ended by -1 or EOF) to 0-based indices.
   *
   * @throws TsplibFormatException naming the line
   */
  public static int[] parseTour(String source, List<String> lines) {
    List<Integer> ids = new ArrayList<>();
    boolean inTour = false;
    int dimension = -1;
    for (int i = 0; i < lines.size(); i++) {
      int no = i + 1;
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      if (line.equals("EOF") || line.equals("-1")) {
        break;
      }
      if (inTour) {
        for (String token : line.split("\\s+")) {
          int id = positiveInt(source, no, "node id", token);
          ids.add(id - 1);
        }
      } else if (line.startsWith("TOUR_SECTION")) {
        inTour = true;
      } else if (line.toUpperCase(Locale.ROOT).startsWith("DIMENSION")) {
        dimension =
            positiveInt(source, no, "DIMENSION", line.substring(line.indexOf(':') + 1).trim());
      } else if (line.indexOf(':') < 0) {
        throw new TsplibFormatException(source, no, "expected 'KEY : VALUE', found '" + line + "'");
      }
    }
    if (!inTour) {
      throw new TsplibFormatException(source, lines.size(), "no TOUR_SECTION");
    }
    if (dimension > 0 && dimension != ids.size()) {
      throw new TsplibFormatException(
          source,
          lines.size(),
          "DIMENSION is " + dimension + " but the tour has " + ids.size() + " nodes");
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A tour in TSPLIB tour format (1-based ids, {@code -1}, {@code EOF}). */
  public static String formatTour(String name, int[] tour, long length) {
    StringBuilder b = new StringBuilder();
    b.append("NAME : ").append(name).append(".tour\n");
    b.append("COMMENT : length ").append(length).append('\n');
    b.append("TYPE : TOUR\n");
    b.append("DIMENSION : ").append(tour.length).append('\n');
    b.append("TOUR_SECTION\n");
    for (int c : tour) {
      b.append(c + 1).append('\n');
    }
    b.append("-1\nEOF\n");
    return b.toString();
  }

  /** Writes a tour file. */
  public static void writeTour(Path file, String name, int[] tour, long length) {
    try {
      Files.writeString(file, formatTour(name, tour, length), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write tour " + file, e);
    }
  }

  private static City city(String source, int no, String line, int expectedId) {
    String[] parts = line.split("\\s+");
    if (parts.length != 3) {
      throw new TsplibFormatException(source, no, "expected 'id x y', found '" + line + "'");
    }
    int id = positiveInt(source, no, "node id", parts[0]);
    if (id != expectedId) {
      throw new TsplibFormatException(
          source, no, "node id " + id + " out of order; expected " + expectedId);
    }
    return new City(id, number(source, no, "x", parts[1]), number(source, no, "y", parts[2]));
  }

  private static EdgeWeightType weightType(String source, int no, String value) {
    try {
      return EdgeWeightType.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new TsplibFormatException(
          source,
          no,
          "EDGE_WEIGHT_TYPE '" + value + "' is not supported; allowed: EUC_2D, CEIL_2D, ATT, GEO");
    }
  }

  private static int positiveInt(String source, int no, String field, String value) {
    try {
      int v = Integer.parseInt(value);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new TsplibFormatException(
        source, no, field + " '" + value + "' is not a positive integer");
  }

  private static double number(String source, int no, String field, String value) {
    try {
      double v = Double.parseDouble(value);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new TsplibFormatException(source, no, field + " '" + value + "' is not a number");
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TSPLIB file " + file, e);
    }
  }
}
