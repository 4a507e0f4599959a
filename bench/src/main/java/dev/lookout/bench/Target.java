package dev.lookout.bench;

import java.net.URI;
import java.util.Map;

/**
 * One server the benchmark sends requests to.
 *
 * @param name label in the result tables, such as {@code direct} or {@code lookout}
 * @param baseUrl base URL without a trailing slash; the request path is appended
 * @param headers extra request headers for this target only, such as a gateway's routing headers
 * @param pid process id whose CPU time and resident memory the tables report, or 0 for none
 */
record Target(String name, URI baseUrl, Map<String, String> headers, long pid) {
  Target {
    headers = Map.copyOf(headers);
  }
}
