package actors.grains.impl;

import actors.ActorSystem;
import actors.cluster.MessageEncodingException;
import actors.internal.NullReply;
import actors.internal.WireCodec;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Calls and answers between nodes, written natively by the cluster transport ({@link WireCodec}):
 * a call is its interface's name, its method's signature, its chain and its arguments; an answer
 * its interface's name, its method's signature and its value. Strings, longs, ints, booleans and
 * doubles are written as they are; any other value as JSON by Jackson by its declared type, under
 * the allow-list. The interface is read back only if the receiving system allows its package.
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
      appendString(out, call.type().typeName());
      appendString(out, call.method().signature());
      out.appendLong(call.chain());
      JavaType[] declared = call.method().parameters();
      for (int i = 0; i < declared.length; i++) {
        writeValue(out, declared[i], call.args()[i], json);
      }
    }

    @Override
    public Object read(Buffer in, ObjectReader json, ActorSystem system) throws IOException {
      Cursor cursor = new Cursor(in);
      GrainType type = interfaceNamed(cursor.readString(), json, system);
      GrainMethod method = method(type, cursor.readString());
      long chain = cursor.readLong();
      JavaType[] declared = method.parameters();
      Object[] args = declared.length == 0 ? null : new Object[declared.length];
      for (int i = 0; i < declared.length; i++) {
        args[i] = readValue(cursor, declared[i], json);
      }
      cursor.expectEnd();
      return new GrainCall(type, method, args, chain);
    }
  }

  /** Reads an answer as its value itself, which the asker's Future completes with. */
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
      appendString(out, reply.type().typeName());
      appendString(out, reply.method().signature());
      writeValue(out, reply.method().resultType(), reply.value(), json);
    }

    @Override
    public Object read(Buffer in, ObjectReader json, ActorSystem system) throws IOException {
      Cursor cursor = new Cursor(in);
      GrainMethod method = method(interfaceNamed(cursor.readString(), json, system), cursor.readString());
      Object value = readValue(cursor, method.resultType(), json);
      cursor.expectEnd();
      return value == null ? NullReply.INSTANCE : value;
    }
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
      default -> throw new MessageEncodingException("unknown value tag " + tag + " in a grain call");
    };
    Class<?> expected = declared.isPrimitive() ? boxed(declared.getRawClass()) : declared.getRawClass();
    if (value == null ? declared.isPrimitive() : tag != JSON && !expected.isInstance(value)) {
      throw new MessageEncodingException("a grain call carries " + (value == null ? "null" : "a "
          + value.getClass().getName()) + " where " + declared + " is declared");
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

  /** The grain interface named {@code name}, if the receiving system allows its package. */
  private static GrainType interfaceNamed(String name, ObjectReader json, ActorSystem system) {
    DeserializationConfig config = json.getConfig();
    try {
      if (config.getPolymorphicTypeValidator().validateSubClassName(config, config.constructType(Object.class), name)
          != PolymorphicTypeValidator.Validity.ALLOWED) {
        throw new MessageEncodingException("a call of grain interface " + name + ", whose package is not allowed here");
      }
      return GrainRuntime.of(system).typeNamed(name);
    } catch (ClassNotFoundException | IllegalArgumentException | com.fasterxml.jackson.databind.JsonMappingException e) {
      throw new MessageEncodingException("a call of grain interface " + name + ": " + e.getMessage());
    }
  }

  private static GrainMethod method(GrainType type, String signature) {
    GrainMethod method = type.method(signature);
    if (method == null) {
      throw new MessageEncodingException("grain interface " + type.typeName() + " has no method " + signature
          + " here (another version of it?)");
    }
    return method;
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
      return new String(readBytes(), StandardCharsets.UTF_8);
    }

    byte[] readBytes() {
      int length = readInt();
      if (length < 0) {
        throw new MessageEncodingException("a length of " + length + " in a grain call");
      }
      need(length);
      byte[] bytes = in.getBytes(position, position + length);
      position += length;
      return bytes;
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
