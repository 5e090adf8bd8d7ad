package io.swarmgrid.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The YAML that members import lists exactly the serializers that clients register in code. */
class SerializerYamlTest {
  static List<String> serializersIn(String resource) throws Exception {
    try (InputStream in = SerializerYamlTest.class.getClassLoader().getResourceAsStream(resource)) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("- serializer: ([\\w.]+)").matcher(yaml);
      List<String> names = new java.util.ArrayList<>();
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }
  }

  @Test
  void swarmgridSerializersYaml_listsEverySerializer() throws Exception {
    assertThat(serializersIn("swarmgrid-serializers.yaml"))
        .containsExactlyInAnyOrderElementsOf(SwarmSerialization.serializerClassNames());
  }
}
