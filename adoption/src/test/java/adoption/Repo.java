package adoption;

import java.nio.file.Path;

/** Where the checks find the repository and what the build told them. */
final class Repo {

  private Repo() {
  }

  static Path root() {
    return Path.of(System.getProperty("root.dir", ".."));
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("system property " + name + " not set: run the checks through Maven");
    }
    return value;
  }
}
