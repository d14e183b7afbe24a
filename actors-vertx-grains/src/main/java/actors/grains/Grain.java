package actors.grains;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * What a grain interface extends: a virtual actor's face. Its methods return
 * {@code io.vertx.core.Future<T>} (a call whose answer comes back) or {@code void} (a one-way
 * call), and take arguments that can cross the wire.
 * <pre>{@code
 * public interface Account extends Grain {
 *   Future<Long> deposit(long cents);
 *   Future<Long> balance();
 * }
 * }</pre>
 *
 * <p>A reference to a grain ({@link Grains#ref}) may travel inside arguments, results and
 * messages: it is written as its interface and id, and bound again on arrival.
 */
@JsonSerialize(using = GrainRefJson.Writer.class)
@JsonDeserialize(using = GrainRefJson.Reader.class)
public interface Grain {
}
