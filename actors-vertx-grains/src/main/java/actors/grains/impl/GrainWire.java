package actors.grains.impl;

import actors.ActorSystem;
import actors.internal.NullReply;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;

import java.io.IOException;

/**
 * Calls and answers between nodes: {@code {"t": interface, "m": signature, "c": chain, "a": [args]}}
 * and {@code {"t": interface, "m": signature, "v": value}}, each value written and read by its
 * declared type. The interface is read back only if the receiving system allows its package.
 */
final class GrainWire {

  private GrainWire() {
  }

  static final class CallWriter extends JsonSerializer<GrainCall> {
    @Override
    public void serialize(GrainCall call, JsonGenerator out, SerializerProvider provider) throws IOException {
      out.writeStartObject();
      out.writeStringField("t", call.type().typeName());
      out.writeStringField("m", call.method().signature());
      out.writeNumberField("c", call.chain());
      out.writeArrayFieldStart("a");
      JavaType[] declared = call.method().parameters();
      for (int i = 0; i < declared.length; i++) {
        write(out, provider, declared[i], call.args()[i]);
      }
      out.writeEndArray();
      out.writeEndObject();
    }
  }

  static final class CallReader extends JsonDeserializer<GrainCall> {
    @Override
    public GrainCall deserialize(JsonParser in, DeserializationContext context) throws IOException {
      GrainType type = type(in, context);
      GrainMethod method = method(in, context, type);
      expectField(in, context, "c");
      in.nextToken();
      long chain = in.getLongValue();
      expectField(in, context, "a");
      if (in.nextToken() != JsonToken.START_ARRAY) {
        return (GrainCall) context.handleUnexpectedToken(GrainCall.class, in);
      }
      JavaType[] declared = method.parameters();
      Object[] args = new Object[declared.length];
      for (int i = 0; i < declared.length; i++) {
        in.nextToken();
        args[i] = read(in, context, declared[i]);
      }
      if (in.nextToken() != JsonToken.END_ARRAY || in.nextToken() != JsonToken.END_OBJECT) {
        return (GrainCall) context.reportInputMismatch(GrainCall.class, "a call of %s with more than %d arguments",
            method, declared.length);
      }
      return new GrainCall(type, method, declared.length == 0 ? null : args, chain);
    }
  }

  static final class ReplyWriter extends JsonSerializer<GrainReply> {
    @Override
    public void serialize(GrainReply reply, JsonGenerator out, SerializerProvider provider) throws IOException {
      out.writeStartObject();
      out.writeStringField("t", reply.type().typeName());
      out.writeStringField("m", reply.method().signature());
      out.writeFieldName("v");
      write(out, provider, reply.method().resultType(), reply.value());
      out.writeEndObject();
    }
  }

  /** Reads an answer as its value itself, which the asker's Future completes with: no unwrapping on the way. */
  static final class ReplyReader extends JsonDeserializer<Object> {
    @Override
    public Object deserialize(JsonParser in, DeserializationContext context) throws IOException {
      GrainType type = type(in, context);
      GrainMethod method = method(in, context, type);
      expectField(in, context, "v");
      in.nextToken();
      Object value = read(in, context, method.resultType());
      if (in.nextToken() != JsonToken.END_OBJECT) {
        return context.handleUnexpectedToken(GrainReply.class, in);
      }
      return value == null ? NullReply.INSTANCE : value;
    }
  }

  private static void write(JsonGenerator out, SerializerProvider provider, JavaType declared, Object value)
      throws IOException {
    if (value == null) {
      out.writeNull();
    } else {
      provider.findTypedValueSerializer(declared, true, null).serialize(value, out, provider);
    }
  }

  private static Object read(JsonParser in, DeserializationContext context, JavaType type) throws IOException {
    if (in.currentToken() == JsonToken.VALUE_NULL) {
      if (type.isPrimitive()) {
        return context.reportInputMismatch(type, "null for a parameter of type %s", type);
      }
      return null;
    }
    return context.readValue(in, type);
  }

  /** The grain interface named by field "t", if the receiving system allows it. */
  private static GrainType type(JsonParser in, DeserializationContext context) throws IOException {
    if (in.currentToken() != JsonToken.START_OBJECT) {
      return (GrainType) context.handleUnexpectedToken(GrainType.class, in);
    }
    expectField(in, context, "t");
    String name = in.nextTextValue();
    if (!(context.getAttribute(ActorSystem.class) instanceof ActorSystem system)) {
      return (GrainType) context.reportInputMismatch(GrainType.class, "a grain call is read only between nodes");
    }
    if (name == null || context.getConfig().getPolymorphicTypeValidator().validateSubClassName(context.getConfig(),
        context.constructType(Object.class), name) != PolymorphicTypeValidator.Validity.ALLOWED) {
      return (GrainType) context.reportInputMismatch(GrainType.class,
          "a call of grain interface %s, whose package is not allowed here", name);
    }
    try {
      return GrainRuntime.of(system).typeNamed(name);
    } catch (ClassNotFoundException | IllegalArgumentException e) {
      return (GrainType) context.reportInputMismatch(GrainType.class, "a call of grain interface %s: %s", name,
          e.getMessage());
    }
  }

  private static GrainMethod method(JsonParser in, DeserializationContext context, GrainType type) throws IOException {
    expectField(in, context, "m");
    String signature = in.nextTextValue();
    GrainMethod method = signature == null ? null : type.method(signature);
    if (method == null) {
      return (GrainMethod) context.reportInputMismatch(GrainMethod.class,
          "grain interface %s has no method %s here (another version of it?)", type.typeName(), signature);
    }
    return method;
  }

  private static void expectField(JsonParser in, DeserializationContext context, String name) throws IOException {
    if (!name.equals(in.nextFieldName())) {
      context.reportInputMismatch(GrainCall.class, "field \"%s\" expected at %s", name, in.currentTokenLocation());
    }
  }
}
