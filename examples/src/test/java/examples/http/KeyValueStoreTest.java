package examples.http;

import actors.ActorRef;
import actors.ActorSystem;
import actors.Props;
import actors.testkit.ActorSystemExtension;
import actors.testkit.TestProbe;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store actor alone, with the testkit: no HTTP, no Futures, one assertion per reply. */
// tag::testkit[]
@ExtendWith({VertxExtension.class, ActorSystemExtension.class})
class KeyValueStoreTest {

  @Test
  void storesAndReturnsValues(ActorSystem system, TestProbe probe) {
    ActorRef store = system.actorOf(Props.create(KeyValueStore::new), "kv");

    probe.send(store, new KeyValueStore.Get("colour"));
    probe.expectMsg(new KeyValueStore.Missing("colour"));

    probe.send(store, new KeyValueStore.Put("colour", "blue"));
    probe.expectMsg(new KeyValueStore.Stored("colour", true));

    probe.send(store, new KeyValueStore.Get("colour"));
    probe.expectMsg(new KeyValueStore.Found("colour", "blue"));
  }
}
// end::testkit[]
