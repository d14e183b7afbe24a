package actors.grains;

import actors.ActorSystem;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A grain reference in JSON: {@code {"grain": <interface>, "id": <id>}}, read back only for an
 * interface the receiving system allows and of the type the field declares, and bound to that
 * system's grains.
 */
final class GrainRefJson {

  // Grain interfaces by name, looked up once (the allow-list is asked every time).
  private static final Map<String, Class<?>> LOADED = new ConcurrentHashMap<>();

  private GrainRefJson() {
  }

  static final class Writer extends JsonSerializer<Grain> {
    @Override
    public void serialize(Grain ref, JsonGenerator generator, SerializerProvider provider) throws IOException {
      GrainId id = Grains.idOf(ref);
      generator.writeStartObject();
      generator.writeStringField("grain", id.type().getName());
      generator.writeStringField("id", id.id());
      generator.writeEndObject();
    }
  }

  static final class Reader extends JsonDeserializer<Grain> implements ContextualDeserializer {

    private final JavaType declared;

    Reader() {
      this(null);
    }

    private Reader(JavaType declared) {
      this.declared = declared;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
      return new Reader(property != null ? property.getType() : context.getContextualType());
    }

    @Override
    public Grain deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT || !"grain".equals(parser.nextFieldName())) {
        return (Grain) context.handleUnexpectedToken(Grain.class, parser);
      }
      String typeName = parser.nextTextValue();
      if (!"id".equals(parser.nextFieldName())) {
        return (Grain) context.handleUnexpectedToken(Grain.class, parser);
      }
      String id = parser.nextTextValue();
      if (typeName == null || id == null || parser.nextToken() != JsonToken.END_OBJECT) {
        return (Grain) context.handleUnexpectedToken(Grain.class, parser);
      }
      Object system = context.getAttribute(ActorSystem.class);
      if (!(system instanceof ActorSystem receiving)) {
        return (Grain) context.reportInputMismatch(Grain.class,
            "a grain reference is read only from a message between nodes, where its system is known");
      }
      Class<?> expected = declared != null ? declared.getRawClass() : Grain.class;
      if (context.getConfig().getPolymorphicTypeValidator().validateSubClassName(context.getConfig(),
          context.constructType(expected), typeName) != PolymorphicTypeValidator.Validity.ALLOWED) {
        return (Grain) context.reportInputMismatch(Grain.class, "a grain reference of type %s, whose package is not "
            + "allowed here", typeName);
      }
      Class<?> type = LOADED.get(typeName);
      if (type == null) {
        try {
          ClassLoader loader = Thread.currentThread().getContextClassLoader();
          type = Class.forName(typeName, false, loader != null ? loader : Grain.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          return (Grain) context.reportInputMismatch(Grain.class, "a grain reference of type %s, unknown here", typeName);
        }
        if (Grain.class.isAssignableFrom(type) && LOADED.size() < 1024) {
          LOADED.put(typeName, type);
        }
      }
      if (!Grain.class.isAssignableFrom(type) || !expected.isAssignableFrom(type)) {
        return (Grain) context.reportInputMismatch(Grain.class, "a grain reference of type %s where a %s is expected",
            typeName, expected.getName());
      }
      @SuppressWarnings("unchecked")
      Class<? extends Grain> grainType = (Class<? extends Grain>) type;
      return Grains.get(receiving).ref(grainType, id);
    }
  }
}
