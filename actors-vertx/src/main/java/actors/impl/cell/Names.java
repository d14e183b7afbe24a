package actors.impl.cell;

import actors.ActorRefFactory;
import actors.InvalidActorNameException;

/** Rules for actor names. */
final class Names {

  private static final char[] DIGITS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

  private Names() {
  }

  /**
   * Checks a name given by the user.
   *
   * @throws InvalidActorNameException naming what is wrong with it
   */
  static String validate(String name) {
    if (name.isEmpty()) {
      throw new InvalidActorNameException("actor name must not be empty");
    }
    if (name.length() > ActorRefFactory.MAX_NAME_LENGTH) {
      throw new InvalidActorNameException("actor name [" + name.substring(0, 40) + "...] has " + name.length()
          + " characters, more than " + ActorRefFactory.MAX_NAME_LENGTH);
    }
    if (name.charAt(0) == '$') {
      throw new InvalidActorNameException("actor name [" + name + "] must not start with '$', which is kept for generated names");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new InvalidActorNameException("actor name [" + name + "] contains an illegal character "
            + (c == '/' ? "'/'" : String.format("U+%04X", (int) c)) + " at index " + i);
      }
    }
    return name;
  }

  /** The {@code n}th generated name: {@code $a}, {@code $b}, ... */
  static String generated(long n) {
    StringBuilder name = new StringBuilder(8).append('$');
    do {
      name.append(DIGITS[(int) (n % DIGITS.length)]);
      n /= DIGITS.length;
    } while (n != 0);
    return name.toString();
  }
}
