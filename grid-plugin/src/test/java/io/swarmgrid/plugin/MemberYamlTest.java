package io.swarmgrid.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryYamlConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import io.swarmgrid.storage.SwarmSerialization;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plugin's swarmgrid-member.yaml names the bootstrap, every serializer and factory clients
 * register, and the same Java deserialization filter as members configured in code.
 */
class MemberYamlTest {
  static String memberYaml() throws Exception {
    try (InputStream in =
        MemberYamlTest.class.getClassLoader().getResourceAsStream("swarmgrid-member.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void swarmgridMemberYaml_namesTheBootstrap_andEverySerializer() throws Exception {
    String yaml = memberYaml();
    assertThat(yaml).contains("- " + SwarmGridBootstrap.class.getName());
    Matcher m = Pattern.compile("- serializer: ([\\w.]+)").matcher(yaml);
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    assertThat(names)
        .containsExactlyInAnyOrderElementsOf(SwarmSerialization.serializerClassNames());
  }

  @Test
  void swarmgridMemberYaml_hasEveryFactory_andTheJavaSerializationFilter() throws Exception {
    SerializationConfig fromYaml = new InMemoryYamlConfig(memberYaml()).getSerializationConfig();
    assertThat(fromYaml.getDataSerializableFactoryClasses())
        .isEqualTo(SwarmSerialization.factoryClassNames());
    JavaSerializationFilterConfig filter = fromYaml.getJavaSerializationFilterConfig();
    assertThat(filter).isNotNull();
    assertThat(filter.isDefaultsDisabled()).isFalse();
    assertThat(filter.getWhitelist().getPackages())
        .containsExactlyInAnyOrderElementsOf(SwarmSerialization.javaWhitelistPackages());
    assertThat(filter.getWhitelist().getClasses())
        .containsExactlyInAnyOrderElementsOf(SwarmSerialization.javaWhitelistClasses());
    SerializationConfig inCode =
        SwarmGrid.enable(new Config(), io.swarmgrid.config.SwarmGridConfig.ofDefaults())
            .getSerializationConfig();
    assertThat(inCode.getJavaSerializationFilterConfig().getWhitelist().getPackages())
        .isEqualTo(filter.getWhitelist().getPackages());
  }
}
