package dev.vk.node.metrics;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.PodLifecycle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every provider call the node makes, by operation and outcome, and counts throttled ones.
 * The wrapper is a dynamic proxy implementing every public interface the provider implements, so
 * the node's {@code instanceof} checks for optional abilities still see exactly what the provider
 * offers, and a new ability is measured without changes here. Only methods that declare {@link
 * ProviderException} are measured: those are the calls that reach the cloud.
 */
public final class ProviderCallMetrics implements InvocationHandler {
  /** Prometheus: {@code vk_provider_call_duration_seconds_{bucket,count,sum,max}}. */
  public static final String CALLS = "vk.provider.call.duration";

  /** Prometheus: {@code vk_provider_throttled_total}. */
  public static final String THROTTLED = "vk.provider.throttled";

  /** Bucket bounds: fast reads to slow creates and long ARM operations. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60)
  };

  private final Object target;
  private final String provider;
  private final MeterRegistry registry;

  /**
   * Per method: whether it is measured. Asked on every call, and {@code getExceptionTypes} copies
   * an array each time.
   */
  private final Map<Method, Boolean> measured = new ConcurrentHashMap<>();

  /** Timers by operation and outcome, built once: building a meter's id sorts its tags. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  private ProviderCallMetrics(Object target, String provider, MeterRegistry registry) {
    this.target = target;
    this.provider = provider;
    this.registry = registry;
  }

  /**
   * Wraps {@code target}; the result implements the same public interfaces.
   *
   * @param provider the provider's name, the {@code provider} tag of every series
   */
  public static PodLifecycle instrument(
      PodLifecycle target, String provider, MeterRegistry registry) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      collect(c, interfaces);
    }
    return (PodLifecycle)
        Proxy.newProxyInstance(
            target.getClass().getClassLoader(),
            interfaces.toArray(Class<?>[]::new),
            new ProviderCallMetrics(target, provider, registry));
  }

  private static void collect(Class<?> type, Set<Class<?>> into) {
    for (Class<?> i : type.getInterfaces()) {
      if (Modifier.isPublic(i.getModifiers())) {
        into.add(i);
      }
      collect(i, into);
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "instrumented " + target;
      };
    }
    if (!measured.computeIfAbsent(method, ProviderCallMetrics::reachesTheCloud)) {
      return call(method, args);
    }
    long start = System.nanoTime();
    String outcome = "ok";
    try {
      return call(method, args);
    } catch (Throwable e) {
      outcome = outcome(e);
      if (e instanceof ProviderException p && p.kind() == ProviderException.Kind.THROTTLED) {
        throttled(method.getName()).increment();
      }
      throw e;
    } finally {
      timer(method.getName(), outcome).record(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private static boolean reachesTheCloud(Method method) {
    return Arrays.asList(method.getExceptionTypes()).contains(ProviderException.class);
  }

  private Object call(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** {@code ok}, the failure's kind in lower case, or {@code error} for an unexpected exception. */
  static String outcome(Throwable e) {
    return e instanceof ProviderException p ? p.kind().name().toLowerCase(Locale.ROOT) : "error";
  }

  private Timer timer(String operation, String outcome) {
    return timers.computeIfAbsent(
        operation + ' ' + outcome,
        k ->
            Timer.builder(CALLS)
                .description("Provider calls by operation and outcome")
                .tags("provider", provider, "operation", operation, "outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
  }

  private Counter throttled(String operation) {
    return Counter.builder(THROTTLED)
        .description("Provider calls refused as throttled (the cloud asked to slow down)")
        .tags("provider", provider, "operation", operation)
        .register(registry);
  }
}
