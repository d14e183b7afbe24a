package actors;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what a java.util.logging logger (the backend of System.Logger here) receives. */
public final class LogCapture extends Handler implements AutoCloseable {

  private final Logger logger;
  private final Predicate<String> keep;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

  private record Waiter(Predicate<String> matches, Promise<String> promise) {
  }

  public LogCapture(String loggerName) {
    this(loggerName, message -> true);
  }

  /** Keeps only the messages {@code keep} accepts: for long runs, whose other lines would pile up. */
  public LogCapture(String loggerName, Predicate<String> keep) {
    this.logger = Logger.getLogger(loggerName);
    this.keep = keep;
    logger.addHandler(this);
  }

  /** Completes with the first message that matches, including those already logged. */
  public Future<String> when(Predicate<String> matches) {
    Promise<String> promise = Promise.promise();
    waiters.add(new Waiter(matches, promise));
    for (LogRecord record : records) {
      if (matches.test(record.getMessage())) {
        promise.tryComplete(record.getMessage());
      }
    }
    return promise.future();
  }

  public List<String> messages() {
    return records.stream().map(LogRecord::getMessage).toList();
  }

  @Override
  public void publish(LogRecord record) {
    if (!keep.test(record.getMessage())) {
      return;
    }
    records.add(record);
    for (Waiter waiter : waiters) {
      if (waiter.matches().test(record.getMessage())) {
        waiter.promise().tryComplete(record.getMessage());
      }
    }
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
