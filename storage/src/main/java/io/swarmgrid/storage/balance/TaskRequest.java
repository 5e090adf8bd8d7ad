package io.swarmgrid.storage.balance;

import java.util.UUID;

/**
 * A task to submit. Validated when built: a bad value is refused with its field and value, before
 * anything is stored.
 *
 * @param type task type, 1..256 characters: names the handler and selects the strategy
 * @param priority 0..1000, higher first
 * @param requirements what the node must offer
 * @param estimatedMillis estimated run time on an idle node, ms, 0..{@code
 *     balance.max-estimate-millis} (at most 604800000 here; the member checks its own limit)
 * @param dataKey the map entry the task works on (it runs next to it), or empty
 * @param deadline epoch millis by which it must have started, or 0 for none
 * @param input the handler's input, up to {@link TaskStore#MAX_PAYLOAD_CHARS} characters
 */
public record TaskRequest(
    String type,
    int priority,
    ResourceRequirements requirements,
    long estimatedMillis,
    String dataKey,
    long deadline,
    String input) {
  /** Largest estimate accepted anywhere, ms (one week). */
  public static final long MAX_ESTIMATE_MILLIS = 604_800_000L;

  /** Validates every field. */
  public TaskRequest {
    TaskStore.checkText("type", type);
    if (type.contains("@")) {
      throw new IllegalArgumentException("type: '" + type + "' must not contain '@'");
    }
    if (priority < 0 || priority > 1000) {
      throw new IllegalArgumentException("priority: " + priority + " is not within 0..1000");
    }
    requirements = requirements == null ? ResourceRequirements.NONE : requirements;
    if (estimatedMillis < 0 || estimatedMillis > MAX_ESTIMATE_MILLIS) {
      throw new IllegalArgumentException(
          "estimatedMillis: " + estimatedMillis + " is not within 0.." + MAX_ESTIMATE_MILLIS);
    }
    dataKey = dataKey == null ? "" : dataKey;
    if (dataKey.length() > TaskStore.MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "dataKey: longer than " + TaskStore.MAX_ID_LENGTH + " characters");
    }
    if (deadline < 0) {
      throw new IllegalArgumentException("deadline: " + deadline + " is negative");
    }
    input = TaskStore.checkPayload("input", input);
  }

  /** A request of {@code type} with default priority 0, no requirements and no data key. */
  public static TaskRequest of(String type, long estimatedMillis) {
    return new TaskRequest(type, 0, ResourceRequirements.NONE, estimatedMillis, "", 0, "");
  }

  /** This request on {@code key}: it runs next to that map entry. */
  public TaskRequest onData(String key) {
    return new TaskRequest(type, priority, requirements, estimatedMillis, key, deadline, input);
  }

  /** This request with {@code req}. */
  public TaskRequest requiring(ResourceRequirements req) {
    return new TaskRequest(type, priority, req, estimatedMillis, dataKey, deadline, input);
  }

  /** This request with {@code text} as input. */
  public TaskRequest withInput(String text) {
    return new TaskRequest(type, priority, requirements, estimatedMillis, dataKey, deadline, text);
  }

  /** This request with priority {@code p}. */
  public TaskRequest withPriority(int p) {
    return new TaskRequest(type, p, requirements, estimatedMillis, dataKey, deadline, input);
  }

  /** The queued task of this request, with a new id. */
  public Task toTask(long now) {
    return Task.queued(
        TaskKey.newId(UUID.randomUUID().toString(), dataKey),
        type,
        priority,
        requirements,
        estimatedMillis,
        dataKey,
        deadline,
        input,
        now);
  }
}
