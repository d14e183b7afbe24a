package actors.testkit;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.internal.SystemServices;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A JUnit 5 extension that gives each test a fresh {@link ActorSystem}, and a
 * {@link TestProbe} in it, as parameters of the test and of its {@code @BeforeEach} methods:
 * <pre>{@code
 * @ExtendWith({VertxExtension.class, ActorSystemExtension.class})
 * class GreeterTest {
 *   @Test
 *   void greets(ActorSystem system, TestProbe probe) { ... }
 * }
 * }</pre>
 *
 * <p>The system is hosted on the test's {@code Vertx} when {@code VertxExtension} provides one
 * (declare the {@code Vertx} parameter before the {@code ActorSystem}), else on a Vertx of its
 * own. After the test it checks that no actor is left failing (waiting for a supervisor that
 * never decided, or stuck in a back-off), waiting up to {@link #SETTLE_TIMEOUT} for supervision
 * to settle, then terminates the system and fails the test if an actor was left failing, if a
 * failure escalated past {@code /user}, or if termination took longer than
 * {@link #TERMINATE_TIMEOUT}.
 */
public final class ActorSystemExtension implements ParameterResolver, AfterEachCallback {

  /** How long a test's failing actors have to recover once the test is over: 2 seconds. */
  public static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(2);
  /** How long a test's system has to terminate: 10 seconds. */
  public static final Duration TERMINATE_TIMEOUT = Duration.ofSeconds(10);

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ActorSystemExtension.class);
  private static final String SYSTEM = "system";

  private final ActorSystemOptions options;

  /** Systems with default options, named after the test method; for {@code @ExtendWith}. */
  public ActorSystemExtension() {
    this(null);
  }

  /**
   * Systems with these options; for {@code @RegisterExtension}:
   * {@code static ActorSystemExtension actors = new ActorSystemExtension(options)}.
   */
  public ActorSystemExtension(ActorSystemOptions options) {
    this.options = options == null ? null : new ActorSystemOptions(options);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ActorSystem.class || type == TestProbe.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ActorSystem system = context.getStore(NAMESPACE).getOrComputeIfAbsent(SYSTEM, key -> createSystem(context),
        ActorSystem.class);
    return parameter.getParameter().getType() == TestProbe.class ? new TestProbe(system) : system;
  }

  private ActorSystem createSystem(ExtensionContext context) {
    ActorSystemOptions options = this.options != null ? this.options : new ActorSystemOptions()
        .setName(context.getTestMethod().map(method -> method.getName()).orElse(context.getDisplayName()));
    return vertxOf(context).map(vertx -> ActorSystem.create(vertx, options)).orElseGet(() -> ActorSystem.create(options));
  }

  /** The Vertx that VertxExtension gave this test, if it gave one. */
  private static Optional<Vertx> vertxOf(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      Object scoped = c.getStore(ExtensionContext.Namespace.GLOBAL).get(VertxExtension.VERTX_INSTANCE_KEY);
      Object vertx = scoped instanceof Supplier<?> supplier ? supplier.get() : scoped;
      if (vertx instanceof Vertx found) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    ActorSystem system = context.getStore(NAMESPACE).remove(SYSTEM, ActorSystem.class);
    if (system == null) {
      return;
    }
    Map<String, Throwable> failing = settle(SystemServices.of(system, "ActorSystemExtension"));
    try {
      system.terminate().toCompletionStage().toCompletableFuture().get(TERMINATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("a failure escalated past /user and terminated actor system [" + system.name() + "]",
          e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("actor system [" + system.name() + "] did not terminate within "
          + TERMINATE_TIMEOUT.toMillis() + " ms");
    }
    if (!failing.isEmpty()) {
      throw new AssertionError("actors left failing at the end of the test: " + failing.entrySet().stream()
          .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
          .collect(Collectors.joining(", ")));
    }
  }

  /** The actors still failing once supervision had {@link #SETTLE_TIMEOUT} to settle. */
  private static Map<String, Throwable> settle(SystemServices system) throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    Map<String, Throwable> failing = system.failingActors();
    while (!failing.isEmpty() && System.nanoTime() < deadline && !system.whenTerminated().isComplete()) {
      TimeUnit.MILLISECONDS.sleep(10);
      failing = system.failingActors();
    }
    return failing;
  }
}
