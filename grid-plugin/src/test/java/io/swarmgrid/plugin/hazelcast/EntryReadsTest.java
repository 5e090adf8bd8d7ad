package io.swarmgrid.plugin.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.EntryView;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link EntryReads} against {@code IMap.getEntryView} on a two-member cluster. */
class EntryReadsTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  @Test
  void readsWhatGetEntryViewReturns_localAndRemoteKeys_andNullWhenAbsent() {
    HazelcastInstance member = cluster.member(0);
    IMap<String, String> map = member.getMap("entry-reads");
    for (int i = 0; i < 200; i++) {
      map.set("k-" + i, "v-" + i);
    }
    EntryReads reads = EntryReads.of(member);
    ValueHash hash = new ValueHash(member);
    for (int i = 0; i < 200; i++) {
      EntryView<String, String> view = map.getEntryView("k-" + i);
      EntryReads.Current read = reads.read("entry-reads", "k-" + i).join();
      assertThat(read.value()).isEqualTo("v-" + i);
      assertThat(read.hash()).isEqualTo(hash.of("v-" + i));
      assertThat(read.lastUpdateTime()).isEqualTo(view.getLastUpdateTime());
    }
    assertThat(reads.read("entry-reads", "absent").join()).isNull();
  }

  @Test
  void aContinuationThatInvokes_runsWhereverTheReadCompletes() {
    HazelcastInstance member = cluster.member(0);
    IMap<String, String> map = member.getMap("entry-reads-chained");
    IMap<String, String> copies = member.getMap("entry-reads-copies");
    for (int i = 0; i < 200; i++) {
      map.set("k-" + i, "v-" + i);
    }
    EntryReads reads = EntryReads.of(member);
    ExecutorService fallback = SwarmThreads.pool("entry-reads-test", 1);
    try {
      // About half of the keys live on the other member: their reads complete on a response
      // thread, which may not invoke; the executor moves those continuations off it.
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String key = "k-" + i;
        done.add(
            reads
                .read("entry-reads-chained", key)
                .thenComposeAsync(
                    c -> copies.setAsync(key, (String) c.value()).toCompletableFuture(),
                    EntryReads.invoking(fallback)));
      }
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
      assertThat(copies.size()).isEqualTo(200);
      assertThat(copies.get("k-7")).isEqualTo("v-7");
    } finally {
      fallback.shutdownNow();
    }
  }
}
