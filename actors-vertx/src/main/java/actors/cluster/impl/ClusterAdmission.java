package actors.cluster.impl;

import actors.cluster.ClusterSecurityOptions;
import actors.internal.ClusterKeys;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.internal.VertxInternal;

import java.lang.reflect.Method;

/**
 * Whether a clustered system may start: with a cluster secret, with an event bus that has TLS and
 * requires client certificates, or, named so, insecure for development (with a warning).
 * Anything else would let whoever reaches the event-bus port speak as any member.
 */
public final class ClusterAdmission {

  private static final System.Logger LOG = System.getLogger("actors.cluster");

  private ClusterAdmission() {
  }

  /**
   * The keys that seal this system's batches and sign its entries: null when it relies on the
   * event bus's TLS, or is insecure for development.
   *
   * @throws IllegalStateException    if it has neither a secret nor TLS with client authentication,
   *                                  and is not insecure for development
   * @throws IllegalArgumentException if it accepts secrets but has none to sign with
   */
  public static ClusterKeys keys(VertxInternal vertx, String systemName, ClusterSecurityOptions options) {
    ClusterKeys keys = ClusterKeys.of(options);
    if (keys != null) {
      return keys;
    }
    if (!options.getAcceptedSecrets().isEmpty()) {
      throw new IllegalArgumentException("ClusterSecurityOptions has accepted secrets but no secret to sign with:"
          + " set one with setSecret (a key roll keeps the old one as accepted)");
    }
    if (requiresClientCertificates(vertx)) {
      return null;
    }
    if (options.isInsecureForDevelopment()) {
      LOG.log(System.Logger.Level.WARNING, "[" + systemName + "] INSECURE CLUSTER, for development only: no cluster "
          + "secret and no event-bus TLS with client authentication, so anyone who reaches this node's event-bus port "
          + "can speak as any member to its actors");
      return null;
    }
    throw new IllegalStateException("actor system [" + systemName + "] refuses to join the cluster unauthenticated: "
        + "give every node the same secret (ActorSystemOptions.setClusterSecurity(new ClusterSecurityOptions()"
        + ".setSecret(...))), or turn on the event bus's TLS with ClientAuth.REQUIRED in the VertxOptions, or, for "
        + "development on one machine only, ClusterSecurityOptions.setInsecureForDevelopment(true)");
  }

  /**
   * Whether the clustered event bus of {@code vertx} has TLS and requires client certificates.
   * Vert.x keeps its options inside; false if they cannot be read (a secret is then needed).
   */
  static boolean requiresClientCertificates(VertxInternal vertx) {
    try {
      Object eventBus = vertx.eventBus();
      Method options = eventBus.getClass().getDeclaredMethod("options");
      options.setAccessible(true);
      EventBusOptions read = (EventBusOptions) options.invoke(eventBus);
      return read.isSsl() && read.getClientAuth() == ClientAuth.REQUIRED;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "the event bus's TLS options cannot be read", e);
      return false;
    }
  }
}
