package dev.lookout.gateway;

import java.net.URI;
import java.util.Locale;

/** Reads the parts of an upstream base URL that the HTTP client needs. */
public final class Upstreams {
  private Upstreams() {}

  /** Returns {@code upstream} without any user name or password, for logs and messages. */
  public static String display(URI upstream) {
    if (upstream.getRawUserInfo() == null) {
      return upstream.toString();
    }
    return upstream.getScheme()
        + "://"
        + upstream.getHost()
        + (upstream.getPort() > 0 ? ":" + upstream.getPort() : "")
        + (upstream.getRawPath() == null ? "" : upstream.getRawPath());
  }

  /** Returns whether the upstream is reached over TLS. */
  public static boolean tls(URI upstream) {
    return "https".equals(upstream.getScheme().toLowerCase(Locale.ROOT));
  }

  /** Returns the upstream port, with the scheme's default when the URL names none. */
  public static int port(URI upstream) {
    if (upstream.getPort() > 0) {
      return upstream.getPort();
    }
    return tls(upstream) ? 443 : 80;
  }

  /** Returns the upstream's path prefix without a trailing slash, or an empty string. */
  public static String basePath(URI upstream) {
    String path = upstream.getRawPath();
    if (path == null || path.equals("/")) {
      return "";
    }
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
