package dev.lookout.cli.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends GET requests to a running gateway's JSON API with the dashboard credential, for the
 * commands that read a running gateway instead of its store.
 */
public final class GatewayApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final String base;
  private final GatewayCredential credential;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  /**
   * Creates a client of the gateway at {@code gateway}, such as {@code http://127.0.0.1:8080}.
   *
   * @throws IllegalArgumentException if {@code gateway} is not an absolute URL with a host
   */
  public GatewayApiClient(String gateway, GatewayCredential credential) {
    String trimmed = gateway.trim().replaceAll("/+$", "");
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      // Not a URI at all, so it gets the same message as one without a scheme or host.
      uri = null;
    }
    if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "--gateway must be a URL such as http://127.0.0.1:8080, got '" + gateway + "'");
    }
    this.base = trimmed;
    this.credential = credential;
  }

  /**
   * Returns the body of the gateway's 200 response to {@code GET pathAndQuery}.
   *
   * @param subject what the request reads, for error messages, such as {@code "the report"}
   * @throws IllegalStateException if the gateway cannot be reached
   * @throws IllegalArgumentException if the gateway rejects the credential or returns another
   *     status; the message contains the gateway's error message
   */
  public String get(String pathAndQuery, String subject) throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(REQUEST_TIMEOUT).GET();
    credential.authorization().ifPresent(value -> request.header("Authorization", value));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot reach the gateway at "
              + base
              + " ("
              + e
              + "); check that lookout serve runs there, or pass --data DIR to read a stopped"
              + " gateway's store",
          e);
    }
    if (response.statusCode() == 401) {
      throw credential.rejected(base);
    }
    if (response.statusCode() != 200) {
      throw new IllegalArgumentException(
          "The gateway at "
              + base
              + " returned HTTP "
              + response.statusCode()
              + " for "
              + subject
              + ": "
              + errorMessage(response));
    }
    return response.body();
  }

  /** Returns the body of the gateway's 200 response to {@code GET pathAndQuery} as JSON. */
  public JsonNode getJson(String pathAndQuery, String subject) throws InterruptedException {
    String body = get(pathAndQuery, subject);
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(
          "The gateway at " + base + " sent " + subject + " without valid JSON: " + e, e);
    }
  }

  private static String errorMessage(HttpResponse<String> response) {
    try {
      JsonNode message = JSON.readTree(response.body()).path("error").path("message");
      if (message.isTextual()) {
        return message.asText();
      }
    } catch (IOException e) {
      // Not JSON, so the body itself is the best message there is.
    }
    return response.body().isEmpty() ? "no message" : response.body();
  }
}
