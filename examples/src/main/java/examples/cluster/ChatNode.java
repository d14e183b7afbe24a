package examples.cluster;

import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A node of a chat spread over a Vert.x cluster (Hazelcast, TCP-IP join on the loopback
 * address). The first node ({@code --port 5701}) hosts the room and registers it; a node that
 * joins ({@code --port 5702 --join 127.0.0.1:5701}) finds it in the registry. Every node has a
 * member in the room: lines typed on standard input are said, what is said is printed, and a
 * node that stops (end of input, or killed) leaves the room.
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
  /** Joins the cluster, and the room: hosts it on the first node, looks it up on the others. */
  public static Future<ActorRef> start(Settings settings, Consumer<String> out, List<ActorSystem> started) {
    ActorSystemOptions options = new ActorSystemOptions().setName("chat")
        .addMessagePackage("examples.cluster"); // the records that may arrive from other nodes
    VertxOptions vertxOptions = new VertxOptions();
    vertxOptions.getEventBusOptions().setHost("127.0.0.1");
    HazelcastClusterManager clusterManager = new HazelcastClusterManager(hazelcast(settings));
    return ActorSystem.clustered(vertxOptions, clusterManager, options).compose(system -> {
      started.add(system);
      Future<ActorRef> room = settings.join().isEmpty()
          ? system.registry().register("room", system.actorOf(ChatRoom::new, "room"))
              .compose(registered -> system.registry().lookup("room"))
          : system.registry().lookup("room");
      return room.map(found -> system.actorOf(
          Props.create(() -> new ChatMember(found, settings.name(), out)), "member"));
    });
  }
  // end::start[]

  /** Hazelcast on 127.0.0.1 at {@code settings.port()}, joining the given members over TCP. */
  static Config hazelcast(Settings settings) {
    // tag::hazelcast[]
    Config config = ConfigUtil.loadConfig(); // Vert.x's defaults for its own maps, then:
    config.setClusterName("actors-vertx-chat");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "none");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(settings.join());
    // end::hazelcast[]
    return config;
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
