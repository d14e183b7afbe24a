package actors.internal;

import actors.cluster.ClusterMessage;
import actors.cluster.MessageEncodingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import io.vertx.core.json.jackson.VertxModule;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Which message classes may be decoded when they arrive from elsewhere: those of the allowed
 * packages (not their sub-packages) and those annotated {@link ClusterMessage}; never a class of
 * the JDK. It holds at every depth: the mappers it makes check every polymorphic type id inside
 * a message against it too, and have no default typing, whatever the application did to
 * Vert.x's shared mapper.
 *
 * <p>A name is checked before any class is loaded (its length, its characters), a class is
 * loaded but not initialized to read its annotation, so a refused name runs no code of its own,
 * and decisions are remembered, so a flood of one name costs one lookup each: the classes
 * allowed (up to {@value #MAX_DECISIONS}) for good, refusals in a table of their own that is
 * emptied when full, so that a flood of made-up names never slows the allowed ones.
 */
public final class MessageAllowList {

  /** The longest class name considered; longer ones are refused unread. */
  public static final int MAX_CLASS_NAME = 256;
  private static final int MAX_DECISIONS = 4096;
  private static final String[] JDK_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

  private final Set<String> packages = new CopyOnWriteArraySet<>();
  private volatile ObjectMapper mapper;
  private final Map<String, Class<?>> allowed = new ConcurrentHashMap<>();
  private final Map<String, String> refused = new ConcurrentHashMap<>();

  /** Lets messages of classes in {@code packageName} (not its sub-packages) be decoded. */
  public void allowPackage(String packageName) {
    packages.add(packageName);
    allowed.clear();
    refused.clear();
  }

  /**
   * The class named {@code className}, if it may be decoded.
   *
   * @throws MessageEncodingException naming the class (escaped, cut) if it may not, or is unknown
   */
  public Class<?> allowedClass(String className) {
    Object decision = decision(className);
    if (decision instanceof Class<?> type) {
      return type;
    }
    throw new MessageEncodingException((String) decision);
  }

  /** The class named {@code className} if allowed, else why not; remembered. */
  private Object decision(String className) {
    Object known = allowed.get(className);
    if (known == null) {
      known = refused.get(className);
    }
    if (known != null) {
      return known;
    }
    Object decision = decide(className);
    if (decision instanceof Class<?> type && allowed.size() < MAX_DECISIONS) {
      allowed.put(className, type);
    } else if (decision instanceof String reason) {
      if (refused.size() >= MAX_DECISIONS) {
        refused.clear();
      }
      refused.put(className, reason);
    }
    return decision;
  }

  /** This list's own mapper (see {@link #newMapper()}), made on first use. */
  public ObjectMapper mapper() {
    ObjectMapper current = mapper;
    if (current == null) {
      synchronized (this) {
        current = mapper;
        if (current == null) {
          current = newMapper();
          mapper = current;
        }
      }
    }
    return current;
  }

  /**
   * A mapper for messages: Vert.x's JSON types, no default typing, and every polymorphic type
   * id checked against this list.
   */
  public ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new VertxModule())
        .polymorphicTypeValidator(new Validator())
        .build();
  }

  private Object decide(String className) {
    String name = LogText.escape(className);
    if (className.length() > MAX_CLASS_NAME || !isClassName(className)) {
      return "refusing to decode a message of type " + name + ": not a class name";
    }
    for (String jdk : JDK_PACKAGES) {
      if (className.startsWith(jdk)) {
        return "refusing to decode a message of type " + name + ": a class of the JDK is never decoded";
      }
    }
    int lastDot = className.lastIndexOf('.');
    boolean inAllowedPackage = lastDot > 0 && packages.contains(className.substring(0, lastDot));
    Class<?> type;
    try {
      type = Class.forName(className, false, classLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return "cannot decode a message of type " + name + ": no such class here";
    }
    if (!inAllowedPackage && !type.isAnnotationPresent(ClusterMessage.class)) {
      return "refusing to decode a message of type " + name + ": neither is its package allowed here "
          + "(ActorSystemOptions.addMessagePackage) nor is it annotated @ClusterMessage";
    }
    return type;
  }

  /** Dot-separated Java identifiers ({@code $} for nested classes): nothing else is looked up. */
  private static boolean isClassName(String name) {
    if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '.' && !Character.isJavaIdentifierPart(c)) {
        return false;
      }
    }
    return true;
  }

  private static ClassLoader classLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : MessageAllowList.class.getClassLoader();
  }

  /** Jackson asks it about every type id inside a message: allowed only if this list allows the class. */
  private final class Validator extends PolymorphicTypeValidator.Base {

    private static final long serialVersionUID = 1L;

    @Override
    public Validity validateSubClassName(MapperConfig<?> config, JavaType baseType, String subClassName) {
      return permits(subClassName) ? Validity.ALLOWED : Validity.DENIED;
    }

    @Override
    public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
      return permits(subType.getRawClass().getName()) ? Validity.ALLOWED : Validity.DENIED;
    }

    // No exception is built for a refusal: Jackson asks for every type id of a message.
    private boolean permits(String className) {
      return decision(className) instanceof Class<?>;
    }
  }
}
