package dev.vk.emulator.ecs;

import dev.vk.emulator.ecs.lifecycle.LifecycleTimings;
import dev.vk.emulator.ecs.time.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start an {@link EcsEmulator}. Defaults: loopback, a free port, us-east-1, account
 * 123456789012, one cluster named {@code default}, no log groups (awslogs needs them, as on AWS,
 * unless the task asks for {@code awslogs-create-group}), {@link LifecycleTimings#defaults()}.
 */
public final class EmulatorOptions {
  String host = "127.0.0.1";
  int port;
  String region = "us-east-1";
  String accountId = "123456789012";
  final List<String> clusters = new ArrayList<>(List.of("default"));
  boolean autoCreateClusters;
  final List<String> logGroups = new ArrayList<>();
  boolean autoCreateLogGroups;
  LifecycleTimings timings = LifecycleTimings.defaults();
  Scheduler scheduler;
  long faultSeed = 42;

  private EmulatorOptions() {}

  public static EmulatorOptions defaults() {
    return new EmulatorOptions();
  }

  /** Interface to bind; loopback by default. */
  public EmulatorOptions host(String host) {
    this.host = host;
    return this;
  }

  /** Port to bind; 0 (default) picks a free one. */
  public EmulatorOptions port(int port) {
    this.port = port;
    return this;
  }

  public EmulatorOptions region(String region) {
    this.region = region;
    return this;
  }

  public EmulatorOptions accountId(String accountId) {
    this.accountId = accountId;
    return this;
  }

  /** Creates a cluster at start (in addition to {@code default}). */
  public EmulatorOptions cluster(String name) {
    clusters.add(name);
    return this;
  }

  /** Creates any cluster on first reference instead of answering ClusterNotFoundException. */
  public EmulatorOptions autoCreateClusters(boolean enabled) {
    this.autoCreateClusters = enabled;
    return this;
  }

  /** Creates a CloudWatch Logs group at start. */
  public EmulatorOptions logGroup(String name) {
    logGroups.add(name);
    return this;
  }

  /** Creates missing awslogs groups at task start instead of failing the task. */
  public EmulatorOptions autoCreateLogGroups(boolean enabled) {
    this.autoCreateLogGroups = enabled;
    return this;
  }

  public EmulatorOptions timings(LifecycleTimings timings) {
    this.timings = timings;
    return this;
  }

  /** Time source and timer; default is the wall clock on a background thread. */
  public EmulatorOptions scheduler(Scheduler scheduler) {
    this.scheduler = scheduler;
    return this;
  }

  /** Seed for percentage faults, so a run is repeatable. */
  public EmulatorOptions faultSeed(long seed) {
    this.faultSeed = seed;
    return this;
  }
}
