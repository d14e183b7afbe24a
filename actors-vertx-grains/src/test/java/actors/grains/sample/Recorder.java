package actors.grains.sample;

import actors.grains.Grain;
import actors.grains.Interleave;
import actors.grains.ReadOnly;
import io.vertx.core.Future;

import java.util.List;

/** A grain that records when its calls start and end, to show how turns are taken. */
public interface Recorder extends Grain {

  /** Records "start tag", and "end tag" after {@code millis}. */
  Future<Void> slow(String tag, long millis);

  /** Records "quick tag". */
  Future<Void> quick(String tag);

  /** Records "peek tag"; interleaves with anything. */
  @Interleave
  Future<Void> peek(String tag);

  /** Records "read-start tag", and "read-end tag" after {@code millis}; runs beside other reads. */
  @ReadOnly
  Future<Void> read(String tag, long millis);

  /** What was recorded so far. */
  @Interleave
  Future<List<String>> log();

  /** Calls {@code other.bounce(this)}: a chain A to B to A. */
  Future<String> ping(Recorder other);

  /** Calls {@code back.quick("bounced")} from a timer's callback, then answers. */
  Future<String> bounce(Recorder back);

  /** Records "refuse message" and answers a Future failed with {@link IllegalArgumentException}. */
  Future<Void> refuse(String message);

  /** After {@code millis}, calls {@code other.quick("crossed")}: two of these across each other wait for each other. */
  Future<Void> cross(Recorder other, long millis);

  /** Throws {@link IllegalArgumentException} with {@code message}. */
  Future<Void> fail(String message);
}
