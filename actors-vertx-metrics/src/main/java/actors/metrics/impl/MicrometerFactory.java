package actors.metrics.impl;

import actors.SystemMetricsOptions;
import actors.internal.MetricsFactory;
import actors.internal.SystemMeters;
import actors.metrics.ActorMetricsOptions;

/** Makes {@link MicrometerMeters} of {@link ActorMetricsOptions}: the core finds it as a service. */
public final class MicrometerFactory implements MetricsFactory {

  @Override
  public boolean accepts(SystemMetricsOptions options) {
    return options instanceof ActorMetricsOptions;
  }

  @Override
  public SystemMeters create(String systemName, SystemMetricsOptions options) {
    return MicrometerMeters.create(systemName, (ActorMetricsOptions) options);
  }
}
