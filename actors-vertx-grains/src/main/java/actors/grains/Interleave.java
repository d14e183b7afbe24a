package actors.grains;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets calls into an activation run while others are still open, instead of waiting their turn.
 * On a method of a grain interface: calls of that method interleave with anything (Orleans'
 * {@code [AlwaysInterleave]}). On a grain interface or an implementation class: every call of
 * the grain interleaves (Orleans' {@code [Reentrant]}). The implementation's state may then
 * change between a call's start and the completion of its Future.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Interleave {
}
