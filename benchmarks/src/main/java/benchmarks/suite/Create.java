package benchmarks.suite;

import benchmarks.platform.Platform;
import benchmarks.platform.Platform.Ref;

/** create: {@code size} idle actors, each round on a fresh platform; the refs are kept. */
final class Create extends Workload {

  Ref[] created;

  @Override
  void run() {
    Ref[] refs = new Ref[size];
    for (int i = 0; i < size; i++) {
      refs[i] = platform.spawn((message, replier) -> { });
    }
    platform.awaitReady();
    created = refs;
  }

  @Override
  boolean freshPlatformPerRound() {
    return true;
  }
}
