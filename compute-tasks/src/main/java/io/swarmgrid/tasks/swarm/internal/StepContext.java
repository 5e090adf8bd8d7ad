package io.swarmgrid.tasks.swarm.internal;

import io.swarmgrid.storage.swarm.AgentState;
import io.swarmgrid.tasks.swarm.AgentContext;
import io.swarmgrid.tasks.swarm.AgentHost;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The context of one call on one agent; collects its changes. */
final class StepContext implements AgentContext {
  private final AgentState state;
  private final long tick;
  private final AgentHost host;
  private List<String> memory;
  private final List<String> links;
  private String data;

  StepContext(AgentState state, long tick, AgentHost host) {
    this.state = state;
    this.tick = tick;
    this.host = host;
    this.memory = state.memory();
    this.links = new ArrayList<>(state.links());
    this.data = state.data();
  }

  @Override
  public String agentId() {
    return state.agentId();
  }

  @Override
  public String type() {
    return state.type();
  }

  @Override
  public String dataKey() {
    return state.dataKey();
  }

  @Override
  public long tick() {
    return tick;
  }

  @Override
  public List<String> capabilities() {
    return state.capabilities();
  }

  @Override
  public List<String> memory() {
    return Collections.unmodifiableList(memory);
  }

  @Override
  public void remember(String item) {
    memory = AgentState.remember(memory, item, state.memoryLimit());
  }

  @Override
  public List<String> links() {
    return Collections.unmodifiableList(links);
  }

  @Override
  public void link(String agentId) {
    if (!links.contains(agentId)) {
      links.add(agentId);
    }
  }

  @Override
  public void unlink(String agentId) {
    links.remove(agentId);
  }

  @Override
  public String data() {
    return data;
  }

  @Override
  public void data(String data) {
    this.data = data == null ? "" : data;
  }

  @Override
  public <T> Optional<T> local(String name, Class<T> type) {
    return host.local(name, type);
  }

  List<String> newMemory() {
    return memory;
  }

  List<String> newLinks() {
    return links;
  }
}
