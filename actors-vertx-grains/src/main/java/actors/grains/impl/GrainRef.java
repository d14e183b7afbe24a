package actors.grains.impl;

import actors.ActorRef;
import actors.grains.GrainId;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;

/** What a grain reference does with its calls: a one-way call is a tell, an answered one an ask. */
final class GrainRef implements InvocationHandler {

  private final GrainRuntime.Kind kind;
  private final GrainId id;
  private final ActorRef entity;

  GrainRef(GrainRuntime.Kind kind, GrainId id, ActorRef entity) {
    this.kind = kind;
    this.id = id;
    this.entity = entity;
  }

  GrainId id() {
    return id;
  }

  /** What is behind {@code candidate} if it is a grain reference; else null. */
  static GrainRef behind(Object candidate) {
    return candidate != null && Proxy.isProxyClass(candidate.getClass())
        && Proxy.getInvocationHandler(candidate) instanceof GrainRef ref ? ref : null;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    GrainMethod grainMethod = kind.type().method(method);
    if (grainMethod == null) {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> {
            GrainRef that = behind(args[0]);
            yield that != null && id.equals(that.id);
          }
          case "hashCode" -> id.hashCode();
          default -> id.toString();
        };
      }
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    GrainCall call = new GrainCall(grainMethod, args, Turn.chain());
    if (!grainMethod.answered()) {
      entity.tell(call);
      return null;
    }
    Duration timeout = kind.options().getCallTimeout();
    return timeout == null ? entity.ask(call) : entity.ask(call, timeout);
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
