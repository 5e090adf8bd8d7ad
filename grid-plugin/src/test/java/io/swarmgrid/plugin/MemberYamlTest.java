package io.swarmgrid.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.SwarmSerialization;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plugin's swarmgrid-member.yaml names the bootstrap and every serializer clients register. */
class MemberYamlTest {
  @Test
  void swarmgridMemberYaml_namesTheBootstrap_andEverySerializer() throws Exception {
    String yaml;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("swarmgrid-member.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(yaml).contains("- " + SwarmGridBootstrap.class.getName());
    Matcher m = Pattern.compile("- serializer: ([\\w.]+)").matcher(yaml);
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    assertThat(names)
        .containsExactlyInAnyOrderElementsOf(SwarmSerialization.serializerClassNames());
  }
}
