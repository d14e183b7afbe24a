package actors.grains;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a grain interface as one that changes no state: its calls run together with
 * other read-only calls of the same activation, and wait for the others (Orleans'
 * {@code [ReadOnly]}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnly {
}
