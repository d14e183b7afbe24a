package actors.internal;

import actors.SystemMetricsOptions;

import java.util.ServiceLoader;

/**
 * Makes a system's meters from its {@link SystemMetricsOptions}: provided by the metrics artifact
 * (a {@link ServiceLoader} service), so that the core never names Micrometer.
 */
public interface MetricsFactory {

  /** Whether this factory makes the meters of {@code options}. */
  boolean accepts(SystemMetricsOptions options);

  /**
   * The meters of system {@code systemName}.
   *
   * @throws IllegalStateException if the registry {@code options} name does not exist
   */
  SystemMeters create(String systemName, SystemMetricsOptions options);

  /**
   * The meters of {@code options} from the factory that accepts them, looked up where their class
   * was loaded from.
   *
   * @throws IllegalStateException naming the artifact to add when no factory accepts them
   */
  static SystemMeters meters(String systemName, SystemMetricsOptions options) {
    for (MetricsFactory factory : ServiceLoader.load(MetricsFactory.class, options.getClass().getClassLoader())) {
      if (factory.accepts(options)) {
        return factory.create(systemName, options);
      }
    }
    throw new IllegalStateException("no metrics implementation for " + options.getClass().getName()
        + ": add io.github.actorsvertx:actors-vertx-metrics (the same version as actors-vertx) to the application");
  }
}
