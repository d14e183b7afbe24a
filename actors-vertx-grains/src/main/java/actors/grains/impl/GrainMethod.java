package actors.grains.impl;

import actors.grains.Interleave;
import actors.grains.ReadOnly;
import actors.internal.Fingerprint;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A method of a grain interface as calls carry it: its stable signature (name and parameter
 * types, as {@code deposit(long)}), whether it is answered, and how it takes its turn.
 *
 * @param result     the type a call's Future completes with; null for a one-way call
 * @param parameters the parameters' types and the result's, as Jackson reads and writes them
 * @param id         how calls between nodes name it: the {@link Fingerprint} of its grain interface's name,
 *                   {@code #} and its signature, which every node computes alike from the interface
 */
record GrainMethod(Method method, String signature, Type result, boolean interleave, boolean readOnly,
                   JavaType[] parameters, JavaType resultType, long id) {

  /** {@code method} of grain interface {@code grainType} (which declares it or inherits it). */
  static GrainMethod of(Class<?> grainType, Method method, boolean typeInterleaves) {
    // Once, not at every call: a package-private interface, as tests and small apps have, is reached too.
    method.trySetAccessible();
    Type result = method.getReturnType() == void.class ? null
        : ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
    TypeFactory types = TypeFactory.defaultInstance();
    String signature = signatureOf(method);
    return new GrainMethod(method, signature, result,
        typeInterleaves || method.isAnnotationPresent(Interleave.class), method.isAnnotationPresent(ReadOnly.class),
        Arrays.stream(method.getGenericParameterTypes()).map(types::constructType).toArray(JavaType[]::new),
        result == null ? null : types.constructType(result), Fingerprint.of(grainType.getName() + "#" + signature));
  }

  static String signatureOf(Method method) {
    return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getTypeName)
        .collect(Collectors.joining(",", "(", ")"));
  }

  boolean answered() {
    return result != null;
  }

  @Override
  public String toString() {
    return method.getDeclaringClass().getSimpleName() + "." + signature;
  }
}
