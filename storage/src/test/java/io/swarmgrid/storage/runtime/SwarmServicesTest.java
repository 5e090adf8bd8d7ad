package io.swarmgrid.storage.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed registry on two real members: one registry per member, found by type. */
class SwarmServicesTest {

  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  @Test
  void service_registeredOnOneMember_isFoundThereOnly() {
    Supplier<String> service = () -> "here";
    SwarmServices.of(cluster.member(0)).put(Supplier.class, service);
    try {
      assertThat(SwarmServices.find(cluster.member(0), Supplier.class)).containsSame(service);
      assertThat(SwarmServices.find(cluster.member(1), Supplier.class)).isEmpty();
    } finally {
      SwarmServices.of(cluster.member(0)).remove(Supplier.class, service);
    }
    assertThat(SwarmServices.find(cluster.member(0), Supplier.class)).isEmpty();
  }

  @Test
  void remove_ofAReplacedService_keepsItsSuccessor() {
    SwarmServices services = SwarmServices.of(cluster.member(0));
    Runnable old = () -> {};
    Runnable successor = () -> {};
    services.put(Runnable.class, old);
    services.put(Runnable.class, successor);
    services.remove(Runnable.class, old);
    try {
      assertThat(services.get(Runnable.class)).containsSame(successor);
    } finally {
      services.remove(Runnable.class, successor);
    }
  }

  @Test
  void require_withoutTheService_namesTheTypeAndWhy() {
    assertThatThrownBy(() -> SwarmServices.require(cluster.member(1), Thread.class, "switch it on"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no Thread on member " + cluster.member(1).getName())
        .hasMessageContaining("switch it on");
  }
}
