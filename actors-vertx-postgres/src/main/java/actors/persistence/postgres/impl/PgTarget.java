package actors.persistence.postgres.impl;

import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where a {@code postgresql://user:secret@host:5432/database?sslmode=verify-full} URI connects,
 * for Vert.x's PostgreSQL client: user and password percent-decoded; of the query, libpq's
 * {@code sslmode}, {@code sslrootcert}, {@code connect_timeout} and {@code application_name}
 * (and the JDBC driver's names of the last two, {@code connectTimeout} and
 * {@code ApplicationName}).
 */
record PgTarget(PgConnectOptions connect, NetClientOptions net) {

  private static final Set<String> UNDERSTOOD = Set.of("sslmode", "sslrootcert", "connect_timeout", "connectTimeout",
      "application_name", "ApplicationName", "applicationName");

  /** @throws IllegalArgumentException naming a query parameter the client does not understand */
  static PgTarget parse(String uri) {
    URI parsed = URI.create(uri.startsWith("postgres://") ? "postgresql://" + uri.substring("postgres://".length()) : uri);
    // The store's few statements, prepared once a connection: the server parses and plans each once.
    PgConnectOptions connect = new PgConnectOptions().setCachePreparedStatements(true);
    connect.setHost(parsed.getHost() == null ? "localhost" : parsed.getHost())
        .setPort(parsed.getPort() > 0 ? parsed.getPort() : PgConnectOptions.DEFAULT_PORT);
    String path = parsed.getRawPath();
    if (path != null && path.length() > 1) {
      connect.setDatabase(decoded(path.substring(1)));
    }
    String userInfo = parsed.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      connect.setUser(decoded(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) {
        connect.setPassword(decoded(userInfo.substring(colon + 1)));
      }
    }
    Map<String, String> query = query(parsed.getRawQuery());
    NetClientOptions net = new NetClientOptions();
    String timeout = query.getOrDefault("connect_timeout", query.get("connectTimeout"));
    if (timeout != null) {
      net.setConnectTimeout(Math.toIntExact(Long.parseLong(timeout) * 1000));
    }
    String application = query.getOrDefault("application_name", query.getOrDefault("ApplicationName", query.get("applicationName")));
    Map<String, String> properties = new HashMap<>(PgConnectOptions.DEFAULT_PROPERTIES);
    properties.put("application_name", application != null ? application : "actors-vertx");
    connect.setProperties(properties);
    // prefer, as libpq and the JDBC driver default to: encrypted when the server offers it.
    SslMode mode = query.containsKey("sslmode") ? SslMode.of(query.get("sslmode")) : SslMode.PREFER;
    connect.setSslMode(mode);
    if (mode != SslMode.DISABLE) {
      ClientSSLOptions ssl = new ClientSSLOptions();
      if (query.containsKey("sslrootcert")) {
        ssl.setTrustOptions(new PemTrustOptions().addCertPath(query.get("sslrootcert")));
      } else if (mode == SslMode.VERIFY_CA || mode == SslMode.VERIFY_FULL) {
        throw new IllegalArgumentException("sslmode=" + query.get("sslmode") + " needs sslrootcert, the CA's certificate (PEM)");
      } else {
        // require, prefer, allow: encrypted, the server's certificate not checked, as libpq does.
        ssl.setTrustAll(true);
      }
      ssl.setHostnameVerificationAlgorithm(mode == SslMode.VERIFY_FULL ? "HTTPS" : "");
      connect.setSslOptions(ssl);
    }
    return new PgTarget(connect, net);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw == null) {
      return query;
    }
    for (String parameter : raw.split("&")) {
      int equals = parameter.indexOf('=');
      String name = equals < 0 ? parameter : parameter.substring(0, equals);
      if (!UNDERSTOOD.contains(name)) {
        throw new IllegalArgumentException("the reactive PostgreSQL store does not understand the URI's parameter '"
            + name + "'; it understands " + new java.util.TreeSet<>(UNDERSTOOD));
      }
      query.put(name, equals < 0 ? "" : decoded(parameter.substring(equals + 1)));
    }
    return query;
  }

  /** A percent-encoded URI component, decoded: a {@code +} stays a plus (it is no form field). */
  private static String decoded(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
