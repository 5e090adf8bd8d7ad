package io.swarmgrid.tasks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.RestartableException;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.pipeline.BatchSource;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.SourceBuilder;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A read refused because the processor's member is going away restarts the job instead of failing
 * it. The refusal is thrown by hand on the first execution (a killed member throws it only in a
 * short window, which a test cannot hit at will; CI hit it once in WorkloadPipelineFailoverTest).
 */
class ProcessorReadsTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  // The members run in this JVM, so the source's processors see these flags.
  static final AtomicBoolean REFUSE_WRAPPED = new AtomicBoolean();
  static final AtomicBoolean REFUSE_BARE = new AtomicBoolean();

  /**
   * Three items per processor; the first processor to run refuses once, its read wrapped in {@link
   * ProcessorReads} or not as {@code wrapped} says.
   */
  static BatchSource<String> refusingOnce(boolean wrapped) {
    return SourceBuilder.batch("refusing-once", ctx -> ctx.globalProcessorIndex())
        .<String>fillBufferFn(
            (index, buf) -> {
              Runnable read =
                  () -> {
                    AtomicBoolean refuse = wrapped ? REFUSE_WRAPPED : REFUSE_BARE;
                    if (refuse.getAndSet(false)) {
                      throw new HazelcastInstanceNotActiveException();
                    }
                    for (int i = 0; i < 3; i++) {
                      buf.add(index + "-" + i);
                    }
                    buf.close();
                  };
              if (wrapped) {
                ProcessorReads.restartable(read);
              } else {
                read.run();
              }
            })
        .distributed(1)
        .build();
  }

  static Job run(boolean wrapped, String sink) {
    Pipeline p = Pipeline.create();
    p.readFrom(refusingOnce(wrapped)).map(s -> Map.entry(s, 1)).writeTo(Sinks.map(sink));
    return cluster.newClient().getJet().newJob(p);
  }

  @Test
  void aWrappedRefusal_restartsTheJob_whichThenCompletesWithEveryItem() {
    REFUSE_WRAPPED.set(true);
    Job job = run(true, "wrapped");
    job.join();
    assertThat(job.getStatus()).isEqualTo(JobStatus.COMPLETED);
    assertThat(cluster.members().get(0).getMap("wrapped").keySet())
        .containsExactlyInAnyOrder("0-0", "0-1", "0-2", "1-0", "1-1", "1-2");
    assertThat(REFUSE_WRAPPED).isFalse();
  }

  @Test
  void aBareRefusal_failsTheJob_whichIsWhyReadsAreWrapped() {
    REFUSE_BARE.set(true);
    Job job = run(false, "bare");
    assertThatThrownBy(job::join).hasStackTraceContaining("HazelcastInstanceNotActiveException");
    assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
  }

  @Test
  void otherExceptions_goThroughUnchanged() {
    IllegalStateException e = new IllegalStateException("x");
    assertThatThrownBy(
            () ->
                ProcessorReads.restartable(
                    (Runnable)
                        () -> {
                          throw e;
                        }))
        .isSameAs(e);
    assertThatThrownBy(
            () ->
                ProcessorReads.restartable(
                    () -> {
                      throw new RuntimeException(new HazelcastInstanceNotActiveException());
                    }))
        .isInstanceOf(RestartableException.class);
  }
}
