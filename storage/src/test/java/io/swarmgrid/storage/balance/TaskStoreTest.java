package io.swarmgrid.storage.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Task transitions on two real members, from a client: atomic, fenced by the epoch, complete once.
 */
class TaskStoreTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  @Test
  void transitions_areFencedByTheEpoch_andATaskCompletesOnce() {
    HazelcastInstance client = cluster.newClient();
    TaskStore store = new TaskStore(client, 100, 60);
    Task t = TaskRequest.of("resize", 50).onData("img:7").withInput("7").toTask(1);
    assertThat(t.taskId()).endsWith("@img:7");
    assertThat(t.key().getPartitionKey()).isEqualTo("img:7");
    assertThat(client.getPartitionService().getPartition(t.key()).getPartitionId())
        .isEqualTo(client.getPartitionService().getPartition("img:7").getPartitionId());
    store.add(t);
    assertThatThrownBy(() -> store.add(t))
        .hasMessageContaining("taskId")
        .hasMessageContaining("exists");

    long e1 = store.assign(t.taskId(), "a", 10, 2);
    assertThat(e1).isEqualTo(1);
    assertThat(store.assign(t.taskId(), "b", 10, 2)).as("assigned once").isEqualTo(-1);
    assertThat(store.start(t.taskId(), "b", e1, 3)).as("not b's").isFalse();
    assertThat(store.start(t.taskId(), "a", e1, 3)).isTrue();
    assertThat(store.progress(t.taskId(), "a", e1, 0.5)).isTrue();

    // Node a is lost: re-queued with the next epoch; its late completion is refused.
    assertThat(store.requeue(t.taskId(), "a", e1, "node a was lost")).isTrue();
    assertThat(store.get(t.taskId()).orElseThrow().state()).isEqualTo(TaskState.QUEUED);
    assertThat(store.complete(t.taskId(), "a", e1, "late", 4)).isFalse();
    long e2 = store.assign(t.taskId(), "b", 10, 5);
    assertThat(e2).isEqualTo(3);
    assertThat(store.startAndGet(t.taskId(), "b", e2, 6))
        .hasValueSatisfying(s -> assertThat(s.attempts()).isEqualTo(2));
    assertThat(store.complete(t.taskId(), "b", e2, "done", 7)).isTrue();
    assertThat(store.complete(t.taskId(), "b", e2, "again", 8)).as("completes once").isFalse();
    Task done = store.get(t.taskId()).orElseThrow();
    assertThat(done.state()).isEqualTo(TaskState.DONE);
    assertThat(done.result()).isEqualTo("done");
    assertThat(done.finishedAt()).isEqualTo(7);
    assertThat(store.cancel(t.taskId(), 9))
        .as("finished: cancel changes nothing")
        .isEqualTo(TaskState.DONE);
    assertThat(store.get(t.taskId()).orElseThrow().state()).isEqualTo(TaskState.DONE);
  }

  @Test
  void failures_requeueUntilTheLastAttempt_thenFail() {
    TaskStore store = new TaskStore(cluster.newClient(), 100, 60);
    Task t = TaskRequest.of("flaky", 5).toTask(1);
    store.add(t);
    for (int attempt = 1; attempt <= 2; attempt++) {
      long e = store.assign(t.taskId(), "w", 0, 2);
      assertThat(store.start(t.taskId(), "w", e, 3)).isTrue();
      assertThat(store.fail(t.taskId(), "w", e, "boom", 2, 4))
          .hasValue(attempt < 2 ? TaskState.QUEUED : TaskState.FAILED);
    }
    Task failed = store.get(t.taskId()).orElseThrow();
    assertThat(failed.state()).isEqualTo(TaskState.FAILED);
    assertThat(failed.reason()).contains("attempt 2 on w failed: boom");
    assertThat(store.fail(t.taskId(), "w", 99, "stale", 2, 5)).isEmpty();
  }

  @Test
  void oversizedInputsAndErrors_areRefusedAtWrite_namingFieldAndSize_andStoreNothing() {
    TaskStore store = new TaskStore(cluster.newClient(), 100, 60);
    Task ok = TaskRequest.of("big", 5).toTask(1);
    String huge = "x".repeat(TaskStore.MAX_PAYLOAD_CHARS + 1);
    // A Task built directly, past TaskRequest's own check.
    Task big =
        new Task(
            "big-1",
            "big",
            5,
            ok.requirements(),
            5,
            "",
            0,
            huge,
            TaskState.QUEUED,
            "",
            "",
            0,
            0,
            0,
            "",
            0,
            1,
            0,
            0,
            0,
            0);
    assertThatThrownBy(() -> store.add(big))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input: " + huge.length() + " characters");
    assertThat(store.get("big-1")).isEmpty();

    store.add(ok);
    long e = store.assign(ok.taskId(), "w", 0, 2);
    assertThat(store.start(ok.taskId(), "w", e, 3)).isTrue();
    String longError = "e".repeat(TaskStore.MAX_ERROR_CHARS + 1);
    assertThatThrownBy(() -> store.fail(ok.taskId(), "w", e, longError, 3, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("error: " + longError.length() + " characters");
    assertThatThrownBy(() -> store.complete(ok.taskId(), "w", e, huge, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("result: " + huge.length() + " characters");
    assertThat(store.get(ok.taskId()).orElseThrow().state()).isEqualTo(TaskState.RUNNING);
    assertThat(store.fail(ok.taskId(), "w", e, TaskStore.clip(longError), 3, 4))
        .hasValue(TaskState.QUEUED);
    assertThat(store.get(ok.taskId()).orElseThrow().reason()).hasSizeLessThan(4200);
  }

  @Test
  void badInput_andBounds_changeNothing() {
    TaskStore store = new TaskStore(cluster.newClient(), 2, 60);
    assertThatThrownBy(() -> store.cancel("nope", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskId: 'nope'");
    assertThatThrownBy(() -> store.progress("x", "n", 1, 1.5))
        .hasMessageContaining("progress: 1.5");
    assertThatThrownBy(() -> new TaskRequest("t", 5000, null, 1, "", 0, ""))
        .hasMessageContaining("priority: 5000");
    assertThatThrownBy(() -> new TaskRequest("t", 0, null, 1, "", -3, ""))
        .hasMessageContaining("deadline: -3");
    assertThatThrownBy(() -> new ResourceRequirements(0, -1, 0, List.of()))
        .hasMessageContaining("requirements.memoryMb: -1");
    store.add(TaskRequest.of("a", 1).toTask(1));
    store.add(TaskRequest.of("a", 1).toTask(1));
    assertThatThrownBy(() -> store.add(TaskRequest.of("a", 1).toTask(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("balance.max-tasks: 2");
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.queueDepth()).isEqualTo(2);
  }
}
