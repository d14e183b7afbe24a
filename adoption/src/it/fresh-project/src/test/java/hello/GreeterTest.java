package hello;

import actors.ActorRef;
import actors.ActorSystem;
import actors.testkit.ActorSystemExtension;
import actors.testkit.TestProbe;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({VertxExtension.class, ActorSystemExtension.class})
class GreeterTest {

  @Test
  void greetsWhoeverSendsAName(ActorSystem system, TestProbe probe) {
    ActorRef greeter = system.actorOf(Main.Greeter::new, "greeter");

    probe.send(greeter, "probe");

    probe.expectMsg("Hello probe");
  }
}
