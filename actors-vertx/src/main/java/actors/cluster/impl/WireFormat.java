package actors.cluster.impl;

import actors.ActorRef;
import actors.ActorSystem;
import actors.AskTimeoutException;
import actors.Kill;
import actors.PoisonPill;
import actors.Status;
import actors.cluster.ActorNotFoundException;
import actors.cluster.ActorUnreachableException;
import actors.cluster.MessageEncodingException;
import actors.cluster.RemoteFailureException;
import actors.internal.EntityEnvelope;
import actors.internal.LogText;
import actors.internal.MessageAllowList;
import actors.internal.NullReply;
import actors.internal.WireCodec;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The frames one node's actor system sends another's over the clustered event bus, as one
 * {@link Buffer} each: a kind, the sending node, the target path, and for a message the
 * headers of its trace (when it has one: {@link #TRACED_MESSAGE}), its
 * sender (its path alone when it is an actor of the sending node) and body. Bodies Vert.x users send every day are encoded natively; records and POJOs
 * as JSON by Jackson after their class name, decoded only when the {@link MessageAllowList}
 * allows the class. References are written as addresses ({@code nodeId + path}), wherever they
 * are in a message, and bound again to references on arrival.
 */
final class WireFormat {

  static final byte MESSAGE = 1;
  static final byte WATCH = 2;
  static final byte UNWATCH = 3;
  static final byte TERMINATED = 4;
  /** A message with the headers of the trace it belongs to, ahead of its sender and body. */
  static final byte TRACED_MESSAGE = 5;
  /** At most this many trace headers, of at most {@value #MOST_TRACE_CHARS} characters each: more is a forged frame. */
  static final int MOST_TRACE_HEADERS = 8;
  static final int MOST_TRACE_CHARS = 512;

  private static final byte NO_SENDER = 0;
  private static final byte SENDER_PATH = 1;
  private static final byte SENDER_ADDRESS = 2;

  private static final byte NULL_REPLY = 0;
  private static final byte STRING = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte DOUBLE = 4;
  private static final byte FLOAT = 5;
  private static final byte SHORT = 6;
  private static final byte BYTE = 7;
  private static final byte BOOLEAN = 8;
  private static final byte CHAR = 9;
  private static final byte JSON_OBJECT = 10;
  private static final byte JSON_ARRAY = 11;
  private static final byte BUFFER = 12;
  private static final byte BYTES = 13;
  private static final byte REF = 14;
  private static final byte FAILURE = 15;
  private static final byte POISON_PILL = 16;
  private static final byte KILL = 17;
  private static final byte JACKSON = 18;
  private static final byte ENTITY = 19;
  /** A message a {@link WireCodec} of another module writes: its id, then its bytes. */
  private static final byte CODEC = 20;

  private final ClusterTransport transport;
  private final MessageAllowList allowList;
  /** Per message class: read with the receiving system as the attribute {@code ActorSystem.class}, for deserializers that bind to it. */
  private final ClassValue<ObjectReader> readers;
  /** Per message class: its writer, its serializer looked up once. */
  private final ClassValue<ObjectWriter> writers;
  /** For codecs: the mapper's writer and the system's reader. */
  private final ObjectWriter writer;
  private final ObjectReader reader;

  WireFormat(ClusterTransport transport, MessageAllowList allowList) {
    this.transport = transport;
    this.allowList = allowList;
    ObjectMapper mapper = allowList.newMapper().registerModule(new SimpleModule("actors-refs")
        .addSerializer(ActorRef.class, new RefSerializer())
        .addDeserializer(ActorRef.class, new RefDeserializer()));
    this.writer = mapper.writer();
    this.reader = mapper.reader().withAttribute(ActorSystem.class, transport.system);
    this.readers = new ClassValue<>() {
      @Override
      protected ObjectReader computeValue(Class<?> type) {
        return reader.forType(type);
      }
    };
    this.writers = new ClassValue<>() {
      @Override
      protected ObjectWriter computeValue(Class<?> type) {
        return mapper.writerFor(type);
      }
    };
  }

  /**
   * A message frame.
   *
   * @throws MessageEncodingException naming the class if the message cannot be encoded
   */
  Buffer message(String fromNode, String toNode, String targetPath, ActorRef sender, Object message,
                 Map<String, String> trace) {
    Buffer frame = Buffer.buffer(96);
    frame.appendByte(trace == null ? MESSAGE : TRACED_MESSAGE);
    appendString(frame, fromNode);
    appendString(frame, targetPath);
    if (trace != null) {
      frame.appendByte((byte) trace.size());
      trace.forEach((name, value) -> {
        appendString(frame, name);
        appendString(frame, value);
      });
    }
    if (sender == null) {
      frame.appendByte(NO_SENDER);
    } else {
      String address = transport.exportedAddressOf(sender, toNode);
      if (address.startsWith(fromNode) && address.length() > fromNode.length()
          && address.charAt(fromNode.length()) == '/') {
        frame.appendByte(SENDER_PATH);
        appendString(frame, address.substring(fromNode.length()));
      } else {
        frame.appendByte(SENDER_ADDRESS);
        appendString(frame, address);
      }
    }
    appendBody(frame, message);
    return frame;
  }

  /**
   * The trace headers of a {@link #TRACED_MESSAGE} frame.
   *
   * @throws IllegalArgumentException if there are more, or longer, than a tracer writes
   */
  static Map<String, String> readTrace(Reader in) {
    int count = in.readByte();
    if (count < 0 || count > MOST_TRACE_HEADERS) {
      throw new IllegalArgumentException(count + " trace headers");
    }
    Map<String, String> trace = new HashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      String name = in.readString();
      String value = in.readString();
      if (name.length() > MOST_TRACE_CHARS || value.length() > MOST_TRACE_CHARS) {
        throw new IllegalArgumentException("a trace header of " + Math.max(name.length(), value.length()) + " characters");
      }
      trace.put(name, value);
    }
    return trace;
  }

  /** The sender of a message frame: none, an actor of the sending node, or one of another node. */
  ActorRef readSender(Reader in, String fromNode) {
    byte kind = in.readByte();
    if (kind == NO_SENDER) {
      return null;
    }
    String value = in.readString();
    return transport.system.resolve(kind == SENDER_PATH ? fromNode + value : value);
  }

  /** A frame of death watch: {@link #WATCH}, {@link #UNWATCH} or {@link #TERMINATED}. */
  static Buffer control(byte kind, String fromNode, String targetPath) {
    Buffer frame = Buffer.buffer(64);
    frame.appendByte(kind);
    appendString(frame, fromNode);
    appendString(frame, targetPath);
    return frame;
  }

  private void appendBody(Buffer frame, Object message) {
    if (message instanceof String string) {
      frame.appendByte(STRING);
      appendString(frame, string);
    } else if (message instanceof Integer value) {
      frame.appendByte(INT).appendInt(value);
    } else if (message instanceof Long value) {
      frame.appendByte(LONG).appendLong(value);
    } else if (message instanceof Double value) {
      frame.appendByte(DOUBLE).appendDouble(value);
    } else if (message instanceof Float value) {
      frame.appendByte(FLOAT).appendFloat(value);
    } else if (message instanceof Short value) {
      frame.appendByte(SHORT).appendShort(value);
    } else if (message instanceof Byte value) {
      frame.appendByte(BYTE).appendByte(value);
    } else if (message instanceof Boolean value) {
      frame.appendByte(BOOLEAN).appendByte((byte) (value ? 1 : 0));
    } else if (message instanceof Character value) {
      frame.appendByte(CHAR).appendShort((short) value.charValue());
    } else if (message instanceof JsonObject json) {
      frame.appendByte(JSON_OBJECT);
      appendBytes(frame, json.toBuffer());
    } else if (message instanceof JsonArray json) {
      frame.appendByte(JSON_ARRAY);
      appendBytes(frame, json.toBuffer());
    } else if (message instanceof Buffer buffer) {
      frame.appendByte(BUFFER);
      appendBytes(frame, buffer);
    } else if (message instanceof byte[] bytes) {
      frame.appendByte(BYTES).appendInt(bytes.length).appendBytes(bytes);
    } else if (message instanceof ActorRef ref) {
      frame.appendByte(REF);
      appendString(frame, transport.exportedAddressOf(ref));
    } else if (message instanceof Status.Failure failure) {
      frame.appendByte(FAILURE);
      appendString(frame, failure.cause().getClass().getName());
      appendString(frame, String.valueOf(failure.cause().getMessage()));
    } else if (message instanceof EntityEnvelope envelope) {
      frame.appendByte(ENTITY);
      appendString(frame, envelope.entityId());
      frame.appendByte((byte) Math.min(envelope.hops(), Byte.MAX_VALUE));
      appendBody(frame, envelope.message());
    } else if (message == NullReply.INSTANCE) {
      frame.appendByte(NULL_REPLY);
    } else if (message == PoisonPill.INSTANCE) {
      frame.appendByte(POISON_PILL);
    } else if (message == Kill.INSTANCE) {
      frame.appendByte(KILL);
    } else {
      WireCodec.Registered codec = WireCodec.Registry.of(message);
      if (codec != null) {
        frame.appendByte(CODEC).appendLong(codec.id());
        encodeNatively(codec.codec(), message, frame);
      } else {
        frame.appendByte(JACKSON);
        appendString(frame, message.getClass().getName());
        appendBytes(frame, json(message));
      }
    }
  }

  /** Appends the length of what {@code codec} writes, then what it writes, to {@code frame}. */
  private void encodeNatively(WireCodec<Object> codec, Object message, Buffer frame) {
    int lengthAt = frame.length();
    frame.appendInt(0);
    try {
      codec.write(message, frame, writer);
    } catch (IOException | RuntimeException e) {
      throw new MessageEncodingException("cannot encode a message of type " + message.getClass().getName() + ": "
          + e.getMessage(), e);
    }
    frame.setInt(lengthAt, frame.length() - lengthAt - 4);
  }

  private Object decodeNatively(long id, Buffer body) {
    WireCodec<?> codec = WireCodec.Registry.withId(id);
    if (codec == null) {
      throw new MessageEncodingException("a message of codec id " + Long.toHexString(id) + ", which this node has not "
          + "(a module of the sender's, such as actors-vertx-grains, is missing here)");
    }
    String name = codec.name();
    try {
      return codec.read(body, reader, transport.system);
    } catch (IOException | RuntimeException e) {
      throw e instanceof MessageEncodingException refused ? refused
          : new MessageEncodingException("cannot decode a message of codec " + name + ": " + LogText.escape(
              String.valueOf(e.getMessage()), 200), e);
    }
  }

  private byte[] json(Object message) {
    try {
      return writers.get(message.getClass()).writeValueAsBytes(message);
    } catch (IOException e) {
      throw new MessageEncodingException("cannot encode a message of type " + message.getClass().getName()
          + " for another node: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json
          ? json.getOriginalMessage() : e.getMessage()), e);
    }
  }

  /**
   * The body at the reader's position.
   *
   * @throws MessageEncodingException naming the class if it is not allowed here or not decodable
   */
  Object readBody(Reader in) {
    byte tag = in.readByte();
    switch (tag) {
      case STRING: return in.readString();
      case INT: return in.readInt();
      case LONG: return in.readLong();
      case DOUBLE: return Double.longBitsToDouble(in.readLong());
      case FLOAT: return Float.intBitsToFloat(in.readInt());
      case SHORT: return in.readShort();
      case BYTE: return in.readByte();
      case BOOLEAN: return in.readByte() != 0;
      case CHAR: return (char) in.readShort();
      case JSON_OBJECT: return new JsonObject(in.readBuffer());
      case JSON_ARRAY: return new JsonArray(in.readBuffer());
      case BUFFER: return in.readBuffer();
      case BYTES: return in.readBuffer().getBytes();
      case REF: return transport.system.resolve(in.readString());
      case FAILURE: return new Status.Failure(failure(in.readString(), in.readString()));
      case NULL_REPLY: return NullReply.INSTANCE;
      case POISON_PILL: return PoisonPill.INSTANCE;
      case KILL: return Kill.INSTANCE;
      case JACKSON: return readJackson(in.readString(), in.readBuffer());
      case ENTITY: return readEntity(in);
      case CODEC: return decodeNatively(in.readLong(), in.readSlice());
      default: throw new MessageEncodingException("unknown body tag " + tag + " in a frame from another node");
    }
  }

  /** An envelope for a sharded entity; one never holds another (a forged nest must not recurse deep). */
  private EntityEnvelope readEntity(Reader in) {
    String entityId = in.readString();
    int hops = in.readByte();
    if (in.peekByte() == ENTITY) {
      throw new MessageEncodingException("an entity envelope inside another, in a frame from another node");
    }
    return new EntityEnvelope(entityId, readBody(in), hops);
  }

  private Object readJackson(String className, Buffer json) {
    Class<?> type = allowList.allowedClass(className);
    try {
      return readers.get(type).readValue(json.getBytes());
    } catch (IOException e) {
      throw new MessageEncodingException("cannot decode a message of type " + className + ": "
          + (e instanceof com.fasterxml.jackson.core.JsonProcessingException parse ? LogText.escape(parse.getOriginalMessage(), 200)
          : e.getClass().getSimpleName()), e);
    }
  }

  /** A failure from another node, as the same exception when it is one of ours. */
  private static Throwable failure(String type, String message) {
    if (type.equals(MessageEncodingException.class.getName())) {
      return new MessageEncodingException(message);
    } else if (type.equals(ActorNotFoundException.class.getName())) {
      return new ActorNotFoundException(message);
    } else if (type.equals(ActorUnreachableException.class.getName())) {
      return new ActorUnreachableException(message);
    } else if (type.equals(AskTimeoutException.class.getName())) {
      return new AskTimeoutException(message);
    }
    return new RemoteFailureException(type, message);
  }

  private static void appendString(Buffer frame, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    frame.appendInt(bytes.length).appendBytes(bytes);
  }

  private static void appendBytes(Buffer frame, Buffer bytes) {
    frame.appendInt(bytes.length()).appendBuffer(bytes);
  }

  private static void appendBytes(Buffer frame, byte[] bytes) {
    frame.appendInt(bytes.length).appendBytes(bytes);
  }

  /** Reads a frame front to back. */
  static final class Reader {

    private final Buffer frame;
    private int position;

    Reader(Buffer frame) {
      this.frame = frame;
    }

    byte readByte() {
      return frame.getByte(position++);
    }

    byte peekByte() {
      return frame.getByte(position);
    }

    short readShort() {
      short value = frame.getShort(position);
      position += 2;
      return value;
    }

    int readInt() {
      int value = frame.getInt(position);
      position += 4;
      return value;
    }

    long readLong() {
      long value = frame.getLong(position);
      position += 8;
      return value;
    }

    String readString() {
      int length = readLength();
      String value = frame.getString(position, position + length, "UTF-8");
      position += length;
      return value;
    }

    Buffer readBuffer() {
      int length = readLength();
      Buffer value = frame.getBuffer(position, position + length);
      position += length;
      return value;
    }

    /** The next bytes as a view of the frame, not a copy: read before the frame is let go. */
    Buffer readSlice() {
      int length = readLength();
      Buffer value = frame.slice(position, position + length);
      position += length;
      return value;
    }

    /**
     * A length, checked against what is left of the frame before anything is allocated: a
     * forged length of two gigabytes must not make the node allocate two gigabytes.
     */
    private int readLength() {
      int length = readInt();
      if (length < 0 || length > frame.length() - position) {
        throw new MessageEncodingException("a frame with a length of " + length + " bytes where "
            + (frame.length() - position) + " remain");
      }
      return length;
    }
  }

  private final class RefSerializer extends JsonSerializer<ActorRef> {
    @Override
    public void serialize(ActorRef ref, JsonGenerator generator, SerializerProvider provider) throws IOException {
      generator.writeString(transport.exportedAddressOf(ref));
    }
  }

  private final class RefDeserializer extends JsonDeserializer<ActorRef> {
    @Override
    public ActorRef deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return transport.system.resolve(parser.getValueAsString());
    }
  }
}
