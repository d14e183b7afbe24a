package actors;

import java.util.Objects;
import java.util.regex.Pattern;

/** Which packages {@link ActorSystemOptions#addMessagePackage} accepts: application packages only. */
final class MessagePackages {

  private static final Pattern PACKAGE_NAME = Pattern.compile(
      "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
  private static final Pattern JDK_PACKAGE = Pattern.compile("(java|javax|jdk|sun|com\\.sun)(\\..*)?");
  private static final Pattern LIBRARY_MACHINERY = Pattern.compile("actors\\.(internal|impl)(\\..*)?|actors\\.[^.]+\\.impl(\\..*)?");

  private MessagePackages() {
  }

  /**
   * {@code packageName}, if it may be allowed.
   *
   * @throws IllegalArgumentException if blank, not a package name, of the JDK or of the library's machinery
   */
  static String check(String packageName) {
    Objects.requireNonNull(packageName, "packageName");
    if (packageName.isBlank()) {
      throw new IllegalArgumentException("packageName must not be blank");
    }
    if (!PACKAGE_NAME.matcher(packageName).matches()) {
      throw new IllegalArgumentException("'" + packageName + "' is not a package name");
    }
    if (JDK_PACKAGE.matcher(packageName).matches()) {
      throw new IllegalArgumentException("package " + packageName + " is part of the JDK: its classes are never decoded "
          + "from other nodes, which could otherwise make this node instantiate them");
    }
    if (LIBRARY_MACHINERY.matcher(packageName).matches()) {
      throw new IllegalArgumentException("package " + packageName + " is the library's machinery, not messages");
    }
    return packageName;
  }
}
