package actors.grains.sample;

import actors.grains.GrainContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.List;

/** The recorder's implementation. */
public final class RecorderGrain implements Recorder {

  private final GrainContext context;
  private final List<String> log = new ArrayList<>();

  public RecorderGrain(GrainContext context) {
    this.context = context;
  }

  @Override
  public Future<Void> slow(String tag, long millis) {
    return recordAround("start " + tag, "end " + tag, millis);
  }

  @Override
  public Future<Void> quick(String tag) {
    log.add("quick " + tag);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> peek(String tag) {
    log.add("peek " + tag);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> read(String tag, long millis) {
    return recordAround("read-start " + tag, "read-end " + tag, millis);
  }

  /** Records {@code start}, and {@code end} after {@code millis}, when the Future completes. */
  private Future<Void> recordAround(String start, String end, long millis) {
    log.add(start);
    Promise<Void> done = Promise.promise();
    context.vertx().setTimer(millis, timer -> {
      log.add(end);
      done.complete();
    });
    return done.future();
  }

  @Override
  public Future<List<String>> log() {
    return Future.succeededFuture(List.copyOf(log));
  }

  @Override
  public Future<String> ping(Recorder other) {
    log.add("ping");
    Recorder self = context.grains().ref(context.grainId());
    return other.bounce(self).map(answer -> {
      log.add("pong " + answer);
      return answer;
    });
  }

  @Override
  public Future<String> bounce(Recorder back) {
    // From a timer's callback: the turn's call chain goes along with what the turn started.
    Promise<String> answer = Promise.promise();
    context.vertx().setTimer(1, timer -> back.quick("bounced").map(done -> "bounced by " + context.id()).onComplete(answer));
    return answer.future();
  }

  @Override
  public Future<Void> refuse(String message) {
    log.add("refuse " + message);
    return Future.failedFuture(new IllegalArgumentException(message));
  }

  @Override
  public Future<Void> cross(Recorder other, long millis) {
    Promise<Void> done = Promise.promise();
    context.vertx().setTimer(millis, timer -> other.quick("crossed").onComplete(done));
    return done.future();
  }

  @Override
  public Future<Void> fail(String message) {
    throw new IllegalArgumentException(message);
  }
}
