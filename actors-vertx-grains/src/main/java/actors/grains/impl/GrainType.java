package actors.grains.impl;

import actors.cluster.ClusterMessage;
import actors.grains.Grain;
import actors.grains.Interleave;
import io.vertx.core.Future;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A grain interface, checked: every method returns {@code void} or {@code Future<T>}, and every
 * parameter and result can cross the wire. Its methods by {@link Method} (for the proxies) and by
 * id (for calls that arrive).
 */
final class GrainType {

  private final Class<?> type;
  private final Map<Method, GrainMethod> byMethod = new HashMap<>();
  private final List<GrainMethod> methods = new ArrayList<>();

  private GrainType(Class<?> type) {
    this.type = type;
  }

  /**
   * {@code type}, checked against the packages a system allows.
   *
   * @throws IllegalArgumentException naming the interface, the method and the type refused
   */
  static GrainType of(Class<?> type, Set<String> allowedPackages) {
    if (!type.isInterface() || !Grain.class.isAssignableFrom(type) || type == Grain.class) {
      throw new IllegalArgumentException(type.getName() + " is not a grain interface: an interface that extends "
          + Grain.class.getName());
    }
    if (type.getTypeParameters().length > 0) {
      throw new IllegalArgumentException("grain interface " + type.getName() + " has type parameters; a call could not "
          + "name the types of its arguments");
    }
    if (!allowedPackages.contains(type.getPackageName()) && !type.isAnnotationPresent(ClusterMessage.class)) {
      throw new IllegalArgumentException("the package of grain interface " + type.getName() + " is not allowed: "
          + "ActorSystemOptions.addMessagePackage(\"" + type.getPackageName() + "\"), so that its calls can cross nodes");
    }
    GrainType grainType = new GrainType(type);
    WireTypes wire = new WireTypes(allowedPackages);
    boolean interleaves = type.isAnnotationPresent(Interleave.class);
    for (Method method : type.getMethods()) {
      if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      String where = "method " + method.getName() + " of grain interface " + type.getName();
      Class<?> returns = method.getReturnType();
      if (returns != void.class && returns != Future.class) {
        throw new IllegalArgumentException(where + " returns " + returns.getName()
            + "; a grain's methods return void (a one-way call) or io.vertx.core.Future<T> (a call answered with T)");
      }
      if (returns == Future.class && !(method.getGenericReturnType() instanceof ParameterizedType)) {
        throw new IllegalArgumentException(where + " returns a raw Future; name its result type, e.g. Future<Void>");
      }
      for (Type parameter : method.getGenericParameterTypes()) {
        String refusal = wire.refusal(parameter);
        if (refusal != null) {
          throw new IllegalArgumentException(where + " takes " + refusal + ": it cannot cross the wire");
        }
      }
      GrainMethod grainMethod = GrainMethod.of(type, method, interleaves);
      if (grainMethod.result() != null && grainMethod.result() != Void.class) {
        String refusal = wire.refusal(grainMethod.result());
        if (refusal != null) {
          throw new IllegalArgumentException(where + " answers with " + refusal + ": it cannot cross the wire");
        }
      }
      grainType.byMethod.put(method, grainMethod);
      grainType.methods.add(grainMethod);
    }
    return grainType;
  }

  Class<?> type() {
    return type;
  }

  /** The typeName of the grain's entities in sharding. */
  String typeName() {
    return type.getName();
  }

  GrainMethod method(Method method) {
    return byMethod.get(method);
  }

  /** Its methods. */
  Iterable<GrainMethod> methods() {
    return methods;
  }
}
