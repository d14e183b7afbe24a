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
 * that has its module; a frame that names an unknown codec is refused.
 *
 * @param <T> the message class
 */
public interface WireCodec<T> {

  /** The message class it writes (exactly that class). */
  Class<T> type();

  /** Its name, written before the message: the codec that reads it back. */
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

  /** The codecs of this JVM, by message class and by name. */
  final class Registry {

    private static final Map<Class<?>, WireCodec<?>> BY_TYPE = new ConcurrentHashMap<>();
    private static final Map<String, WireCodec<?>> BY_NAME = new ConcurrentHashMap<>();

    private Registry() {
    }

    /** Adds {@code codec}, once per name. */
    public static void register(WireCodec<?> codec) {
      if (BY_NAME.putIfAbsent(codec.name(), codec) == null) {
        BY_TYPE.put(codec.type(), codec);
      }
    }

    /** The codec of {@code message}'s class; null if Jackson writes it. */
    @SuppressWarnings("unchecked")
    public static <T> WireCodec<T> of(T message) {
      return BY_TYPE.isEmpty() ? null : (WireCodec<T>) BY_TYPE.get(message.getClass());
    }

    /** The codec named {@code name}; null if this JVM has none. */
    public static WireCodec<?> named(String name) {
      return BY_NAME.get(name);
    }
  }
}
