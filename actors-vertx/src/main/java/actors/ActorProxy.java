package actors;

import actors.impl.MethodCall;
import actors.impl.ProxyActor;
import io.vertx.core.Future;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Typed actors, as the seed's {@code as_proxy}: an interface whose calls are messages.
 * <pre>{@code
 * interface Account {
 *   void deposit(long cents);        // a tell
 *   Future<Long> balance();          // an ask
 * }
 * ActorRef ref = system.actorOf(ActorProxy.props(Account.class, AccountImpl::new));
 * Account account = ActorProxy.of(ref, Account.class);
 * account.deposit(100);
 * account.balance().onSuccess(cents -> ...);
 * }</pre>
 *
 * <p>An interface may declare methods that return {@code void} (sent as a {@code tell}) or
 * {@code io.vertx.core.Future} (an {@code ask}); any other return type is refused when the
 * proxy or the Props are made. Default methods run on the caller's thread. Calls from one
 * caller are processed in order, one at a time, on the actor's context.
 */
public final class ActorProxy {

  private ActorProxy() {
  }

  /**
   * A proxy of {@code type} whose calls go to {@code ref}; asks wait the system's default ask
   * timeout.
   *
   * @throws IllegalArgumentException if {@code type} is not an interface, or a method returns
   *                                  neither {@code void} nor {@code Future}
   */
  public static <T> T of(ActorRef ref, Class<T> type) {
    return of(ref, type, null);
  }

  /**
   * A proxy of {@code type} whose calls go to {@code ref}; asks wait at most {@code askTimeout}
   * and then fail with {@link AskTimeoutException}.
   *
   * @throws IllegalArgumentException if {@code type} is not an interface, or a method returns
   *                                  neither {@code void} nor {@code Future}
   */
  public static <T> T of(ActorRef ref, Class<T> type, Duration askTimeout) {
    Objects.requireNonNull(ref, "ref");
    check(type);
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> type.getSimpleName() + " proxy of " + ref.path();
        };
      }
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      MethodCall call = new MethodCall(method, args);
      if (method.getReturnType() == void.class) {
        ref.tell(call);
        return null;
      }
      return askTimeout == null ? ref.ask(call) : ref.ask(call, askTimeout);
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /**
   * Props of an actor that implements {@code type} with instances from {@code implementation}
   * (a new one at every restart). It invokes each call on the instance: a {@code Future} result
   * answers the ask when it completes. An exception thrown by a method fails the caller's
   * Future and is also the actor's failure, which its supervisor handles (by default: restart).
   *
   * @throws IllegalArgumentException as {@link #of(ActorRef, Class)}
   */
  public static <T> Props props(Class<T> type, Supplier<? extends T> implementation) {
    check(type);
    Objects.requireNonNull(implementation, "implementation");
    return Props.create(ProxyActor.class, () -> new ProxyActor(type, implementation.get()));
  }

  private static void check(Class<?> type) {
    Objects.requireNonNull(type, "type");
    if (!type.isInterface()) {
      throw new IllegalArgumentException(type.getName() + " is not an interface; an actor proxy implements an interface");
    }
    for (Method method : type.getMethods()) {
      if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      Class<?> returns = method.getReturnType();
      if (returns != void.class && returns != Future.class) {
        throw new IllegalArgumentException("method " + method.getName() + " of " + type.getName() + " returns "
            + returns.getName() + "; an actor proxy's methods return void (a tell) or io.vertx.core.Future (an ask)");
      }
    }
  }
}
