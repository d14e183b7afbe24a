package actors.sharding.impl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Entity ids as actor names and back: any id is allowed, so what an actor name cannot hold
 * ('/', white space, control characters, a leading '$') and '%' itself are written as
 * {@code %XX}, the bytes of their UTF-8 form.
 */
final class EntityNames {

  private EntityNames() {
  }

  static String encode(String id) {
    StringBuilder name = null;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean escape = c == '/' || c == '%' || Character.isWhitespace(c) || Character.isISOControl(c)
          || (i == 0 && c == '$');
      if (escape && name == null) {
        name = new StringBuilder(id.length() + 8).append(id, 0, i);
      }
      if (escape) {
        // All of these are single UTF-8 bytes but white space beyond ASCII: encode the char's bytes.
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          name.append('%').append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
      } else if (name != null) {
        name.append(c);
      }
    }
    return name == null ? id : name.toString();
  }

  static String decode(String name) {
    if (name.indexOf('%') < 0) {
      return name;
    }
    StringBuilder id = new StringBuilder(name.length());
    ByteArrayOutputStream escaped = new ByteArrayOutputStream();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '%' && i + 2 < name.length()) {
        escaped.write(Integer.parseInt(name, i + 1, i + 3, 16));
        i += 2;
      } else {
        id.append(escaped.toString(StandardCharsets.UTF_8)).append(c);
        escaped.reset();
      }
    }
    return id.append(escaped.toString(StandardCharsets.UTF_8)).toString();
  }
}
