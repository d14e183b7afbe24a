package actors.internal;

/**
 * Text from outside (paths, names, class names from other nodes) made safe to log and to echo:
 * at most {@value #MAX_LENGTH} characters, control and non-ASCII characters escaped, so that a
 * peer can neither flood a line nor forge one.
 */
public final class LogText {

  /** How much of a text is kept. */
  public static final int MAX_LENGTH = 100;

  private LogText() {
  }

  /** {@code text} escaped and cut to {@value #MAX_LENGTH} characters, between quotes. */
  public static String quote(String text) {
    return "'" + escape(text) + "'";
  }

  /** {@code text} escaped and cut to {@value #MAX_LENGTH} characters. */
  public static String escape(String text) {
    return escape(text, MAX_LENGTH);
  }

  /** {@code text} escaped and cut to {@code maxLength} characters. */
  public static String escape(String text, int maxLength) {
    if (text == null) {
      return "null";
    }
    int end = Math.min(text.length(), maxLength);
    StringBuilder safe = new StringBuilder(end + 16);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'') {
        safe.append(c);
      } else {
        safe.append(String.format("\\u%04x", (int) c));
      }
    }
    if (text.length() > end) {
      safe.append("...(").append(text.length()).append(" chars)");
    }
    return safe.toString();
  }
}
