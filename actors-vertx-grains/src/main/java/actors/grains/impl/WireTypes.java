package actors.grains.impl;

import actors.ActorRef;
import actors.cluster.ClusterMessage;
import actors.grains.Grain;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which declared types a grain call can carry between nodes: what Jackson writes and reads back
 * by the declared type alone, under the allow-list. Checked when a type is registered, so that a
 * call is never refused later for its argument's type.
 */
final class WireTypes {

  private static final Set<Class<?>> VALUES = Set.of(String.class, Boolean.class, Byte.class, Short.class,
      Integer.class, Long.class, Float.class, Double.class, Character.class, BigDecimal.class, BigInteger.class,
      UUID.class, Instant.class, Duration.class, LocalDate.class, LocalDateTime.class, JsonObject.class,
      JsonArray.class, Buffer.class, byte[].class, ActorRef.class);

  private final Set<String> allowedPackages;
  private final Set<Type> checked = new HashSet<>();

  WireTypes(Set<String> allowedPackages) {
    this.allowedPackages = allowedPackages;
  }

  /** Null if {@code type} can cross the wire, else why not. */
  String refusal(Type type) {
    if (!checked.add(type)) {
      return null; // checked already, or being checked (a recursive record)
    }
    if (type instanceof Class<?> raw) {
      if (raw.isPrimitive() || VALUES.contains(raw)) {
        return null;
      }
      if (raw.isArray()) {
        return refusal(raw.getComponentType());
      }
      if (Grain.class.isAssignableFrom(raw) && raw.isInterface()) {
        return null; // a reference, written as interface and id
      }
      if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Optional.class) {
        return raw.getSimpleName() + " without its type arguments";
      }
      if (raw == Object.class || raw.getPackageName().startsWith("java.")) {
        return raw.getName() + ", which names no type that can be read back (use a record of an allowed package)";
      }
      if (!allowedPackages.contains(raw.getPackageName()) && !raw.isAnnotationPresent(ClusterMessage.class)) {
        return raw.getName() + ", whose package is not allowed (ActorSystemOptions.addMessagePackage(\""
            + raw.getPackageName() + "\")) nor is it annotated @ClusterMessage";
      }
      if (raw.isRecord()) {
        for (RecordComponent component : raw.getRecordComponents()) {
          String inner = refusal(component.getGenericType());
          if (inner != null) {
            return inner + " (in " + raw.getSimpleName() + "." + component.getName() + ")";
          }
        }
      }
      return null;
    }
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
      boolean container = List.class == raw || Set.class == raw || Collection.class == raw || Map.class == raw
          || Optional.class == raw;
      if (!container) {
        return allowedPackages.contains(raw.getPackageName()) ? null
            : type.getTypeName() + ": of the generic types only List, Set, Collection, Map and Optional cross the wire";
      }
      if (raw == Map.class && parameterized.getActualTypeArguments()[0] != String.class) {
        return type.getTypeName() + ": a map's keys are strings";
      }
      for (Type argument : parameterized.getActualTypeArguments()) {
        String inner = refusal(argument);
        if (inner != null) {
          return inner + " (in " + type.getTypeName() + ")";
        }
      }
      return null;
    }
    if (type instanceof GenericArrayType array) {
      return refusal(array.getGenericComponentType());
    }
    return type.getTypeName() + ", a type variable or wildcard, which names no type that can be read back";
  }
}
