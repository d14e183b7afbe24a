package actors.impl;

import actors.cluster.MessageEncodingException;
import actors.internal.LogText;
import actors.internal.MessageAllowList;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.shareddata.ClusterSerializable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The event-bus codec for records and POJOs, installed once per Vertx with a codec selector
 * that picks it for every body Vert.x has no codec of its own for.
 *
 * <p>Locally a message is passed as is, not copied: records are immutable, and a POJO must not
 * be changed once sent (the same rule as for {@code tell}). Across the wire it is JSON written
 * by Jackson (a mapper of its own, not Vert.x's shared one) after its class name; a receiving node
 * decodes only classes of the packages its systems allow, so a peer cannot make it instantiate
 * arbitrary classes.
 */
public final class JacksonMessageCodec implements MessageCodec<Object, Object> {

  static final String NAME = "actors-jackson";

  private static final Map<Vertx, JacksonMessageCodec> INSTALLED = new WeakHashMap<>();

  // What a consumer of an actor system decodes with: that system's list; see decodingFor.
  private static final ThreadLocal<MessageAllowList> RECEIVING = new ThreadLocal<>();

  // Every system's packages on this Vertx: for consumers that belong to no system.
  private final MessageAllowList allowList = new MessageAllowList();

  private JacksonMessageCodec() {
  }

  /** The codec of {@code vertx}'s event bus, registered on first use. */
  public static synchronized JacksonMessageCodec install(Vertx vertx) {
    JacksonMessageCodec codec = INSTALLED.get(vertx);
    if (codec == null) {
      codec = new JacksonMessageCodec();
      vertx.eventBus().registerCodec(codec);
      vertx.eventBus().codecSelector(body -> body instanceof ClusterSerializable ? null : NAME);
      INSTALLED.put(vertx, codec);
    }
    return codec;
  }

  /**
   * Runs {@code body}, typically {@code message::body}, so that what it decodes is checked
   * against {@code list}, one system's, instead of the union of every system on the Vertx.
   */
  public static <T> T decodingFor(MessageAllowList list, Supplier<T> body) {
    RECEIVING.set(list);
    try {
      return body.get();
    } finally {
      RECEIVING.remove();
    }
  }

  /** Lets messages of classes in {@code packageName} (not its sub-packages) be decoded. */
  void allowPackage(String packageName) {
    allowList.allowPackage(packageName);
  }

  @Override
  public void encodeToWire(Buffer buffer, Object message) {
    byte[] className = message.getClass().getName().getBytes(StandardCharsets.UTF_8);
    byte[] json;
    try {
      json = allowList.mapper().writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode a message of type " + message.getClass().getName()
          + " as JSON: " + e.getOriginalMessage(), e);
    }
    buffer.appendInt(className.length).appendBytes(className).appendInt(json.length).appendBytes(json);
  }

  @Override
  public Object decodeFromWire(int pos, Buffer buffer) {
    int classNameLength = buffer.getInt(pos);
    if (classNameLength < 0 || classNameLength > MessageAllowList.MAX_CLASS_NAME
        || classNameLength > buffer.length() - pos - 8) {
      throw new MessageEncodingException("refusing to decode a message whose class name is " + classNameLength + " bytes long");
    }
    String className = buffer.getString(pos + 4, pos + 4 + classNameLength, "UTF-8");
    int jsonStart = pos + 4 + classNameLength;
    int jsonLength = buffer.getInt(jsonStart);
    // Checked before anything is allocated: a forged length must not cost gigabytes.
    if (jsonLength < 0 || jsonLength > buffer.length() - jsonStart - 4) {
      throw new MessageEncodingException("a message whose JSON is said to be " + jsonLength + " bytes long, where "
          + (buffer.length() - jsonStart - 4) + " remain");
    }
    MessageAllowList receiving = RECEIVING.get();
    MessageAllowList list = receiving != null ? receiving : allowList;
    Class<?> type = list.allowedClass(className);
    try {
      return list.mapper().readValue(buffer.getBytes(jsonStart + 4, jsonStart + 4 + jsonLength), type);
    } catch (IOException e) {
      throw new MessageEncodingException("cannot decode a message of type " + className + ": "
          + (e instanceof JsonProcessingException json ? LogText.escape(json.getOriginalMessage(), 200)
          : e.getClass().getSimpleName()), e);
    }
  }

  @Override
  public Object transform(Object message) {
    return message;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
