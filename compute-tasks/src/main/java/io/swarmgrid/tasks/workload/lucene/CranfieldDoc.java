package io.swarmgrid.tasks.workload.lucene;

/**
 * One Cranfield document: its id (after {@code .I}) and the text of all its fields, field-marker
 * lines ({@code .T}, {@code .A}, {@code .B}, {@code .W}) left out, as {@code Search} reads them.
 */
record CranfieldDoc(String id, String text) {
  /** The document of a record, or {@code null} if the record does not start with {@code .I}. */
  static CranfieldDoc parse(String record) {
    StringBuilder text = new StringBuilder();
    String id = null;
    for (String line : (Iterable<String>) record.lines()::iterator) {
      if (id == null) {
        if (!line.startsWith(".I")) {
          return null;
        }
        id = line.substring(2).strip();
      } else if (!(line.length() >= 2
          && line.charAt(0) == '.'
          && Character.isLetter(line.charAt(1))
          && line.strip().length() == 2)) {
        text.append(line).append('\n');
      }
    }
    return id == null ? null : new CranfieldDoc(id, text.toString());
  }
}
