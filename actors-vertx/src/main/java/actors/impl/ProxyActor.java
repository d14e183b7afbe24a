package actors.impl;

import actors.internal.NullReply;
import actors.Actor;
import actors.ActorRef;
import actors.Status;
import io.vertx.core.Future;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** The actor behind {@code ActorProxy.props}: invokes each {@link MethodCall} on its instance. */
public final class ProxyActor extends Actor {

  private final Class<?> type;
  private final Object instance;

  public ProxyActor(Class<?> type, Object instance) {
    if (instance == null) {
      throw new IllegalStateException("the implementation factory of " + type.getName() + " returned null");
    }
    this.type = type;
    this.instance = instance;
  }

  @Override
  protected void receive(Object message) throws Exception {
    if (!(message instanceof MethodCall call)) {
      unhandled(message);
      return;
    }
    ActorRef replyTo = sender();
    boolean asked = call.method().getReturnType() == Future.class;
    if (!call.method().getDeclaringClass().isAssignableFrom(type)) {
      IllegalArgumentException wrong = new IllegalArgumentException(self().path() + " implements " + type.getName()
          + ", not " + call.method().getDeclaringClass().getName() + "." + call.method().getName());
      if (asked) {
        replyTo.tell(new Status.Failure(wrong), self());
      }
      throw wrong;
    }
    Object result;
    try {
      Method method = call.method();
      if (!method.canAccess(instance)) {
        // A package-private interface or implementation, as tests and small apps often have.
        method.setAccessible(true);
      }
      result = method.invoke(instance, call.args());
    } catch (InvocationTargetException | IllegalAccessException | RuntimeException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      if (asked) {
        replyTo.tell(new Status.Failure(cause), self());
      }
      // Also the actor's failure: its supervisor decides (by default it restarts).
      throw cause instanceof Exception exception ? exception : new IllegalStateException(cause);
    }
    if (asked) {
      if (result == null) {
        replyTo.tell(new Status.Failure(new IllegalStateException(call + " returned a null Future")), self());
      } else {
        ((Future<?>) result).onComplete(done -> replyTo.tell(done.succeeded()
            ? (done.result() == null ? NullReply.INSTANCE : done.result())
            : new Status.Failure(done.cause()), self()));
      }
    }
  }
}
