package actors.internal;

import actors.ActorSystem;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the cluster transport writes a message class of the library's own modules natively, in
 * place of Jackson: the grains' calls and answers. A codec is known by its name on every node
 * that has its module, and frames name it by its id, the {@link Fingerprint} of its name; a frame
 * that names an unknown codec is refused.
 *
 * @param <T> the message class
 */
public interface WireCodec<T> {

  /** The message class it writes (exactly that class). */
  Class<T> type();

  /** Its name, whose {@link Fingerprint} is written before the message: the codec that reads it back. */
  String name();

  /**
   * Appends {@code message} to {@code out}; {@code json} writes parts it has no native form
   * for, with the transport's mapper (references written as addresses).
   */
  void write(T message, Buffer out, ObjectWriter json) throws IOException;

  /**
   * What {@code in} holds, for {@code system}; {@code in} may be a view of the frame, so it is
   * read before this returns. {@code json} reads parts written by Jackson under the system's
   * allow-list.
   *
   * @throws IOException or {@code MessageEncodingException} if it is not a message of this codec
   */
  Object read(Buffer in, ObjectReader json, ActorSystem system) throws IOException;

  /** A registered codec and its id, the {@link Fingerprint} of its name. */
  record Registered(WireCodec<Object> codec, long id) {
  }

  /** The codecs of this JVM, by message class and by id. */
  final class Registry {

    private static final Map<Class<?>, Registered> BY_TYPE = new ConcurrentHashMap<>();
    // A handful at most: a scan is faster than a map of boxed ids. Replaced, never changed.
    private static volatile Registered[] byId = new Registered[0];

    private Registry() {
    }

    /**
     * Adds {@code codec}, once per name.
     *
     * @throws IllegalStateException if another codec's name has the same id
     */
    @SuppressWarnings("unchecked")
    public static synchronized void register(WireCodec<?> codec) {
      long id = Fingerprint.of(codec.name());
      for (Registered known : byId) {
        if (known.id() == id) {
          if (known.codec().name().equals(codec.name())) {
            return;
          }
          throw new IllegalStateException("codecs " + known.codec().name() + " and " + codec.name() + " have the same id");
        }
      }
      Registered registered = new Registered((WireCodec<Object>) codec, id);
      Registered[] more = java.util.Arrays.copyOf(byId, byId.length + 1);
      more[byId.length] = registered;
      byId = more;
      BY_TYPE.put(codec.type(), registered);
    }

    /** The codec of {@code message}'s class; null if Jackson writes it. */
    public static Registered of(Object message) {
      return BY_TYPE.isEmpty() ? null : BY_TYPE.get(message.getClass());
    }

    /** The codec of id {@code id}; null if this JVM has none. */
    public static WireCodec<?> withId(long id) {
      for (Registered known : byId) {
        if (known.id() == id) {
          return known.codec();
        }
      }
      return null;
    }
  }
}
