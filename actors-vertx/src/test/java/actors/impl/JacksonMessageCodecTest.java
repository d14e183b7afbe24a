package actors.impl;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VertxExtension.class)
class JacksonMessageCodecTest {

  record Order(String id, List<String> items, long cents) {
  }

  @Test
  void aRecordOfAnAllowedPackageSurvivesTheWire(Vertx vertx) {
    JacksonMessageCodec codec = JacksonMessageCodec.install(vertx);
    codec.allowPackage("actors.impl");
    Buffer wire = Buffer.buffer().appendString("prefix");
    codec.encodeToWire(wire, new Order("o-1", List.of("tea", "cake"), 750));
    assertThat(codec.decodeFromWire(6, wire)).isEqualTo(new Order("o-1", List.of("tea", "cake"), 750));
    assertThat(JacksonMessageCodec.install(vertx)).isSameAs(codec);
  }

  @Test
  void aClassOfAnotherPackageIsRefused(Vertx vertx) {
    JacksonMessageCodec codec = JacksonMessageCodec.install(vertx);
    codec.allowPackage("actors");
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, new Order("o-2", List.of(), 0));
    assertThatThrownBy(() -> codec.decodeFromWire(0, wire))
        .isInstanceOf(actors.cluster.MessageEncodingException.class)
        .hasMessageContaining("refusing to decode a message of type actors.impl.JacksonMessageCodecTest$Order");
  }

  @Test
  void locallyAMessageIsPassedAsIs(Vertx vertx) {
    Order order = new Order("o-3", List.of("x"), 1);
    assertThat(JacksonMessageCodec.install(vertx).transform(order)).isSameAs(order);
  }
}
