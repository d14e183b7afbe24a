package actors.grains.impl;

import actors.ActorSystem;
import actors.cluster.MessageEncodingException;
import actors.internal.NullReply;
import actors.internal.WireCodec;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Calls and answers between nodes, written natively by the cluster transport ({@link WireCodec}):
 * a call is its method's id ({@link GrainMethod#id}), its chain and its arguments; an answer
 * that needs its method's declared type, the method's id and its value (any other answer goes
 * bare, {@link #goesBare}). Strings, longs, ints, booleans and doubles are written as they are;
 * any other value as JSON by Jackson by its declared type, under the allow-list. A node reads
 * calls only of methods of the grain types it registered or reached (checked against its allow-list then): nothing from the wire names a class.
 */
final class GrainWire {

  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte LONG = 2;
  private static final byte INT = 3;
  private static final byte BOOLEAN = 4;
  private static final byte DOUBLE = 5;
  private static final byte JSON = 6;

  private GrainWire() {
  }

  /** Makes the codecs known to this JVM's cluster transports. */
  static void register() {
    WireCodec.Registry.register(new Calls());
    WireCodec.Registry.register(new Answers());
  }

  private static final class Calls implements WireCodec<GrainCall> {
    @Override
    public Class<GrainCall> type() {
      return GrainCall.class;
    }

    @Override
    public String name() {
      return "grains.call";
    }

    @Override
    public void write(GrainCall call, Buffer out, ObjectWriter json) throws IOException {
      out.appendLong(call.method().id()).appendLong(call.chain());
      JavaType[] declared = call.method().parameters();
      for (int i = 0; i < declared.length; i++) {
        writeValue(out, declared[i], call.args()[i], json);
      }
    }

    @Override
    public Object read(Buffer in, ObjectReader json, ActorSystem system) throws IOException {
      Cursor cursor = new Cursor(in);
      GrainMethod method = known(cursor.readLong(), system);
      long chain = cursor.readLong();
      JavaType[] declared = method.parameters();
      Object[] args = declared.length == 0 ? null : new Object[declared.length];
      for (int i = 0; i < declared.length; i++) {
        args[i] = readValue(cursor, declared[i], json);
      }
      cursor.expectEnd();
      return new GrainCall(method, args, chain);
    }
  }

  /**
   * An answer that does not go bare ({@link #goesBare}): its method's id, then its value by the
   * method's declared result type. Read as the value itself, which the asker's Future completes with.
   */
  private static final class Answers implements WireCodec<GrainReply> {
    @Override
    public Class<GrainReply> type() {
      return GrainReply.class;
    }

    @Override
    public String name() {
      return "grains.answer";
    }

    @Override
    public void write(GrainReply reply, Buffer out, ObjectWriter json) throws IOException {
      out.appendLong(reply.method().id());
      writeValue(out, reply.method().resultType(), reply.value(), json);
    }

    @Override
    public Object read(Buffer in, ObjectReader json, ActorSystem system) throws IOException {
      Cursor cursor = new Cursor(in);
      Object value = readValue(cursor, known(cursor.readLong(), system).resultType(), json);
      cursor.expectEnd();
      return value == null ? NullReply.INSTANCE : value;
    }
  }

  /**
   * Whether an answer of {@code value} goes to another node as it is: a string, long, int,
   * boolean or double, which the transport writes natively and the asker reads without a type.
   */
  static boolean goesBare(Object value) {
    return value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Boolean
        || value instanceof Double;
  }

  /** Method {@code id} of a grain type {@code system} registered or reached. */
  private static GrainMethod known(long id, ActorSystem system) {
    GrainMethod method = GrainRuntime.of(system).method(id);
    if (method == null) {
      throw new MessageEncodingException("a grain method this node does not know (id " + id
          + "): its type is registered or reached here under another version, or not at all");
    }
    return method;
  }

  private static void writeValue(Buffer out, JavaType declared, Object value, ObjectWriter json) throws IOException {
    if (value == null) {
      out.appendByte(NULL);
    } else if (value instanceof String string) {
      out.appendByte(STRING);
      appendString(out, string);
    } else if (value instanceof Long number) {
      out.appendByte(LONG).appendLong(number);
    } else if (value instanceof Integer number) {
      out.appendByte(INT).appendInt(number);
    } else if (value instanceof Boolean flag) {
      out.appendByte(BOOLEAN).appendByte((byte) (flag ? 1 : 0));
    } else if (value instanceof Double number) {
      out.appendByte(DOUBLE).appendDouble(number);
    } else {
      byte[] bytes = json.forType(declared).writeValueAsBytes(value);
      out.appendByte(JSON).appendInt(bytes.length).appendBytes(bytes);
    }
  }

  private static Object readValue(Cursor in, JavaType declared, ObjectReader json) throws IOException {
    byte tag = in.readByte();
    Object value = switch (tag) {
      case NULL -> null;
      case STRING -> in.readString();
      case LONG -> in.readLong();
      case INT -> in.readInt();
      case BOOLEAN -> in.readByte() != 0;
      case DOUBLE -> Double.longBitsToDouble(in.readLong());
      case JSON -> json.forType(declared).readValue(in.readBytes());
      default -> throw new MessageEncodingException("unknown value tag " + tag + " in a grain call or answer");
    };
    Class<?> expected = declared.isPrimitive() ? boxed(declared.getRawClass()) : declared.getRawClass();
    if (value == null ? declared.isPrimitive() : tag != JSON && !expected.isInstance(value)) {
      throw new MessageEncodingException("a grain call carries " + (value == null ? "null" : "a "
          + value.getClass().getName()) + " where " + declared.toCanonical() + " is declared");
    }
    return value;
  }

  private static Class<?> boxed(Class<?> primitive) {
    return switch (primitive.getName()) {
      case "long" -> Long.class;
      case "int" -> Integer.class;
      case "boolean" -> Boolean.class;
      case "double" -> Double.class;
      case "float" -> Float.class;
      case "short" -> Short.class;
      case "byte" -> Byte.class;
      default -> Character.class;
    };
  }

  private static void appendString(Buffer out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.appendInt(bytes.length).appendBytes(bytes);
  }

  /** Reads a message's bytes in order, each length checked against what remains. */
  private static final class Cursor {
    private final Buffer in;
    private int position;

    Cursor(Buffer in) {
      this.in = in;
    }

    byte readByte() {
      need(1);
      return in.getByte(position++);
    }

    int readInt() {
      need(4);
      int value = in.getInt(position);
      position += 4;
      return value;
    }

    long readLong() {
      need(8);
      long value = in.getLong(position);
      position += 8;
      return value;
    }

    String readString() {
      int length = readLength();
      String value = in.getString(position, position + length, "UTF-8");
      position += length;
      return value;
    }

    byte[] readBytes() {
      int length = readLength();
      byte[] bytes = in.getBytes(position, position + length);
      position += length;
      return bytes;
    }

    /** A length, checked against what remains before anything is allocated. */
    private int readLength() {
      int length = readInt();
      if (length < 0) {
        throw new MessageEncodingException("a length of " + length + " in a grain call");
      }
      need(length);
      return length;
    }

    void expectEnd() {
      if (position != in.length()) {
        throw new MessageEncodingException((in.length() - position) + " bytes after the end of a grain call");
      }
    }

    private void need(int bytes) {
      if (bytes > in.length() - position) {
        throw new MessageEncodingException("a grain call cut short: " + bytes + " bytes needed, "
            + (in.length() - position) + " left");
      }
    }
  }
}
