package actors.grains.sample;

import actors.grains.GrainContext;
import actors.grains.GrainLifecycle;
import actors.grains.GrainState;
import io.vertx.core.Future;

/** Writes its activation count as soon as it is activated, before any call. */
public final class BeaconGrain implements Beacon, GrainLifecycle {

  private final GrainContext context;
  private final GrainState<BeaconState> state;

  public BeaconGrain(GrainContext context) {
    this.context = context;
    state = context.state("beacon", BeaconState.class, () -> new BeaconState(0));
  }

  @Override
  public Future<Void> onActivate() {
    state.set(new BeaconState(state.get().activations() + 1));
    return state.write();
  }

  @Override
  public Future<Integer> activations() {
    return Future.succeededFuture(state.get().activations());
  }

  @Override
  public Future<String> node() {
    return Future.succeededFuture(context.system().nodeId());
  }
}
