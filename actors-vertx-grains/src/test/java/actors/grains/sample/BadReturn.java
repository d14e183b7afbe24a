package actors.grains.sample;

import actors.grains.Grain;

/** Refused: a method that returns neither void nor a Future. */
public interface BadReturn extends Grain {
  int count();
}
