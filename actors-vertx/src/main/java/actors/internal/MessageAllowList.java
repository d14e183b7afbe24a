package actors.internal;

import actors.cluster.ClusterMessage;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Which message classes may be decoded when they arrive from elsewhere: those of the allowed
 * packages (not their sub-packages) and those annotated {@link ClusterMessage}. A class is
 * loaded, not initialized, to read its annotation, so a refused name runs no code of its own.
 */
public final class MessageAllowList {

  private final Set<String> packages = new CopyOnWriteArraySet<>();

  public void allowPackage(String packageName) {
    packages.add(packageName);
  }

  /**
   * The class named {@code className}, if it may be decoded.
   *
   * @throws actors.cluster.MessageEncodingException naming the class if it may not, or is unknown
   */
  public Class<?> allowedClass(String className) {
    int lastDot = className.lastIndexOf('.');
    boolean inAllowedPackage = lastDot > 0 && packages.contains(className.substring(0, lastDot));
    Class<?> type;
    try {
      type = Class.forName(className, false, classLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new actors.cluster.MessageEncodingException("cannot decode a message of type " + className
          + ": no such class here", e);
    }
    if (!inAllowedPackage && !type.isAnnotationPresent(ClusterMessage.class)) {
      throw new actors.cluster.MessageEncodingException("refusing to decode a message of type " + className
          + ": neither is its package allowed (ActorSystemOptions.addMessagePackage; allowed: " + packages
          + ") nor is it annotated @ClusterMessage");
    }
    return type;
  }

  private static ClassLoader classLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : MessageAllowList.class.getClassLoader();
  }
}
