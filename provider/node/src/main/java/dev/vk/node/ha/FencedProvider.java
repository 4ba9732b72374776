package dev.vk.node.ha;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.PodLifecycle;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider behind the {@link WriteGate}: while the gate is closed every call is refused before
 * it reaches the cloud (create, update, delete, and reads too: a deposed leader has no business
 * with the cloud, and a provider may persist state on a read). Only {@code close()} passes. The
 * wrapper implements every interface the provider does, so optional abilities stay visible.
 */
public final class FencedProvider implements InvocationHandler {
  private static final Logger logger = LoggerFactory.getLogger(FencedProvider.class);

  private final PodLifecycle provider;
  private final WriteGate gate;

  private FencedProvider(PodLifecycle provider, WriteGate gate) {
    this.provider = provider;
    this.gate = gate;
  }

  /** {@code provider} with every call checked against {@code gate}. */
  public static PodLifecycle wrap(PodLifecycle provider, WriteGate gate) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (Class<?> c = provider.getClass(); c != null; c = c.getSuperclass()) {
      collect(c, interfaces);
    }
    return (PodLifecycle)
        Proxy.newProxyInstance(
            provider.getClass().getClassLoader(),
            interfaces.toArray(new Class<?>[0]),
            new FencedProvider(provider, gate));
  }

  private static void collect(Class<?> type, Set<Class<?>> into) {
    for (Class<?> i : type.getInterfaces()) {
      into.add(i);
      collect(i, into);
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    boolean passes =
        method.getDeclaringClass() == Object.class
            || (method.getName().equals("close") && method.getParameterCount() == 0);
    if (!passes && !gate.open()) {
      String what = "provider " + method.getName();
      logger.warn("Fenced: refused {} ({} is closed: not the leader)", what, gate);
      if (Arrays.asList(method.getExceptionTypes()).contains(ProviderException.class)) {
        throw new ProviderException(
            ProviderException.Kind.UNAVAILABLE, "not the leader: refused " + what);
      }
      throw new IllegalStateException("not the leader: refused " + what);
    }
    try {
      return method.invoke(provider, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
