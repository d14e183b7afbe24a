package actors.impl.cell;

import actors.ActorRefFactory;
import actors.InvalidActorNameException;

/** Rules for actor names, and the names and paths of cells. */
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
    return appendGenerated(new StringBuilder(8), n).toString();
  }

  /** Appends the {@code n}th generated name to {@code to}. */
  static StringBuilder appendGenerated(StringBuilder to, long n) {
    to.append('$');
    do {
      to.append(DIGITS[(int) (n % DIGITS.length)]);
      n /= DIGITS.length;
    } while (n != 0);
    return to;
  }

  /**
   * The number of {@code name} if it is a generated name whose number is an {@code int};
   * -1 for any other name. Only the form {@link #generated} gives is one: {@code $ba} is not.
   */
  static int generatedNumber(String name) {
    int length = name.length();
    if (length < 2 || length > 7 || name.charAt(0) != '$' || length > 2 && name.charAt(length - 1) == DIGITS[0]) {
      return -1;
    }
    long n = 0;
    for (int i = length - 1; i >= 1; i--) {
      int digit = digit(name.charAt(i));
      if (digit < 0) {
        return -1;
      }
      n = n * DIGITS.length + digit;
    }
    return n <= Integer.MAX_VALUE ? (int) n : -1;
  }

  /** {@code generated(n).hashCode()}, without the String. */
  static int generatedHash(int n) {
    int hash = '$';
    do {
      hash = 31 * hash + DIGITS[n % DIGITS.length];
      n /= DIGITS.length;
    } while (n != 0);
    return hash;
  }

  /** {@code generated(n).equals(name)}, without the String. */
  static boolean isGenerated(int n, String name) {
    if (name.isEmpty() || name.charAt(0) != '$') {
      return false;
    }
    int i = 1;
    do {
      if (i == name.length() || name.charAt(i++) != DIGITS[n % DIGITS.length]) {
        return false;
      }
      n /= DIGITS.length;
    } while (n != 0);
    return i == name.length();
  }

  private static int digit(char c) {
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    } else if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 26;
    } else if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return -1;
  }

  /** {@code cell}'s path, e.g. {@code /user/parent/child}. */
  static String path(ActorCell cell) {
    StringBuilder path = new StringBuilder(48);
    appendPath(path, cell);
    return path.toString();
  }

  private static void appendPath(StringBuilder path, ActorCell cell) {
    if (cell.parent != null) {
      appendPath(path, cell.parent);
    }
    path.append('/');
    if (cell.givenName == null) {
      appendGenerated(path, cell.generatedName);
    } else {
      path.append(cell.givenName);
    }
  }

  /** {@code cell}'s name. */
  static String of(ActorCell cell) {
    return cell.givenName != null ? cell.givenName : generated(cell.generatedName);
  }

  /** Whether {@code cell} is called {@code name}. */
  static boolean isNamed(ActorCell cell, String name) {
    return cell.givenName != null ? cell.givenName.equals(name) : isGenerated(cell.generatedName, name);
  }

  /** {@code of(cell).hashCode()}. */
  static int hashOf(ActorCell cell) {
    return cell.givenName != null ? cell.givenName.hashCode() : generatedHash(cell.generatedName);
  }
}
