package actors.partition;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Jepsen-style check of a run: the journal, read after it, against every write the nodes
 * saw acknowledged. Each acknowledged write is in the journal exactly once; no write is there
 * twice; each persistence id's sequence numbers run 1, 2, 3, ... with no gap.
 */
final class JournalHistory {

  private static final Pattern WRITE_ID = Pattern.compile("\"writeId\"\\s*:\\s*\"([^\"]+)\"");

  private JournalHistory() {
  }

  /** What is wrong with the journal at {@code postgres} given the {@code acknowledged} writes; empty when nothing is. */
  static List<String> problems(String postgres, Collection<String> acknowledged) throws Exception {
    URI uri = URI.create(postgres);
    String[] user = uri.getUserInfo().split(":", 2);
    Map<String, Integer> times = new HashMap<>();
    Map<String, Long> lastSequenceNr = new HashMap<>();
    List<String> problems = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort()
        + uri.getPath(), user[0], user.length > 1 ? user[1] : "");
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT persistence_id, sequence_nr, payload FROM actors_journal "
             + "WHERE persistence_id LIKE 'tallied-%' ORDER BY persistence_id, sequence_nr")) {
      while (rows.next()) {
        String id = rows.getString(1);
        long sequenceNr = rows.getLong(2);
        long expected = lastSequenceNr.getOrDefault(id, 0L) + 1;
        if (sequenceNr != expected) {
          problems.add(id + ": event " + sequenceNr + " where " + expected + " was due");
        }
        lastSequenceNr.put(id, sequenceNr);
        Matcher write = WRITE_ID.matcher(new String(rows.getBytes(3), StandardCharsets.UTF_8));
        if (!write.find()) {
          problems.add(id + ": event " + sequenceNr + " holds no write id");
          continue;
        }
        times.merge(write.group(1), 1, Integer::sum);
      }
    }
    times.forEach((write, count) -> {
      if (count > 1) {
        problems.add("write " + write + " is in the journal " + count + " times");
      }
    });
    for (String write : acknowledged) {
      if (!times.containsKey(write)) {
        problems.add("write " + write + " was acknowledged and is not in the journal");
      }
    }
    return problems;
  }
}
