package actors.impl;

import java.lang.reflect.Method;
import java.util.Arrays;

/** A call on an actor proxy, as the message the actor receives. */
public record MethodCall(Method method, Object[] args) {

  @Override
  public String toString() {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName()
        + (args == null ? "()" : Arrays.toString(args).replace('[', '(').replace(']', ')'));
  }
}
