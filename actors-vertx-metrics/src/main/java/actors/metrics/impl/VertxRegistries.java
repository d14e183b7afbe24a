package actors.metrics.impl;

import actors.metrics.ActorMetricsOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;

/** The registry of Vert.x's own Micrometer metrics ({@code vertx-micrometer-metrics}), when no registry was given. */
final class VertxRegistries {

  private VertxRegistries() {
  }

  /** @throws IllegalStateException if there is none */
  static MeterRegistry find(ActorMetricsOptions options) {
    String name = options.getRegistryName();
    MeterRegistry registry;
    try {
      registry = name == null ? BackendRegistries.getDefaultNow() : BackendRegistries.getNow(name);
    } catch (NoClassDefFoundError missing) {
      registry = null;
    }
    if (registry == null) {
      throw new IllegalStateException("actor metrics are on but have no registry: give one with "
          + "ActorMetricsOptions.setRegistry, or run Vert.x with vertx-micrometer-metrics enabled"
          + (name == null ? "" : " under the registry name '" + name + "'"));
    }
    return registry;
  }
}
