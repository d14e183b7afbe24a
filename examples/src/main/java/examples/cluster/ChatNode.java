package examples.cluster;

import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import actors.sharding.ClusterSingleton;
import com.hazelcast.config.Config;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A node of a chat spread over a Vert.x cluster (Hazelcast, TCP-IP join on the loopback
 * address): the first node ({@code --port 5701}), then others ({@code --port 5702 --join
 * 127.0.0.1:5701}). The room is a cluster singleton: it runs on the first node, and when that
 * node dies (kill -9) another one starts a fresh room, which the members join again. Every node
 * has a member in the room: lines typed on standard input are said, what is said is printed,
 * and a node that stops (end of input, or killed) leaves the room.
 */
public final class ChatNode {

  // Held so that the level stays set: Hazelcast warns on JUL before its own logging settings apply.
  private static final java.util.logging.Logger HAZELCAST_LOG = java.util.logging.Logger.getLogger("com.hazelcast");

  private ChatNode() {
  }

  /** How to start a node: its Hazelcast port, the members to join, its name. */
  public record Settings(int port, List<String> join, String name) {

    static Settings parse(String[] args) {
      int port = 5701;
      List<String> join = new ArrayList<>();
      String name = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
          case "--join" -> join.add(value(args, ++i, "--join"));
          case "--name" -> name = value(args, ++i, "--name");
          default -> throw new IllegalArgumentException("unknown argument '" + args[i]
              + "'; usage: [--port 5701] [--join host:port]... [--name alice]");
        }
      }
      return new Settings(port, List.copyOf(join), name != null ? name : "node-" + port);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }

  // tag::start[]
  /** Joins the cluster, and the room: every node is a candidate to run it, and has a proxy to it. */
  public static Future<ActorRef> start(Settings settings, Consumer<String> out, List<ActorSystem> started) {
    ActorSystemOptions options = new ActorSystemOptions().setName("chat")
        .addMessagePackage("examples.cluster") // the records that may arrive from other nodes
        .setClusterSecurity(LoopbackHazelcast.security()); // who may speak as a node
    VertxOptions vertxOptions = new VertxOptions();
    vertxOptions.getEventBusOptions().setHost("127.0.0.1");
    HazelcastClusterManager clusterManager = new HazelcastClusterManager(hazelcast(settings));
    return ActorSystem.clustered(vertxOptions, clusterManager, options).map(system -> {
      started.add(system);
      ActorRef room = ClusterSingleton.start(system, "room", Props.create(ChatRoom::new));
      return system.actorOf(Props.create(() -> new ChatMember(room, settings.name(), out)), "member");
    });
  }
  // end::start[]

  /** Hazelcast on 127.0.0.1 at {@code settings.port()}, joining the given members over TCP. */
  static Config hazelcast(Settings settings) {
    return LoopbackHazelcast.config("actors-vertx-chat", settings.port(), settings.join());
  }

  public static void main(String[] args) throws Exception {
    HAZELCAST_LOG.setLevel(java.util.logging.Level.SEVERE);
    Settings settings = Settings.parse(args);
    List<ActorSystem> started = new ArrayList<>();
    ActorRef member = start(settings, System.out::println, started)
        .toCompletionStage().toCompletableFuture().join();
    ActorSystem system = started.get(0);
    System.out.println(settings.name() + " is node " + system.nodeId() + "; type a line to say it, end input to leave");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      member.tell(line);
    }
    system.close();
  }
}
