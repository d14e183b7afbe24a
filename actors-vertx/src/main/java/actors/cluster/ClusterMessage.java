package actors.cluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Allows a record or POJO to be decoded when it arrives from another node, like a class of a
 * package named with {@link actors.ActorSystemOptions#addMessagePackage(String)}. Classes
 * neither annotated nor in an allowed package are refused, so a peer cannot make a node
 * instantiate arbitrary classes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ClusterMessage {
}
