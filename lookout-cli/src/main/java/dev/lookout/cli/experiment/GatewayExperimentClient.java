package dev.lookout.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.gateway.GatewayCredential;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reads an experiment's analysis from a running gateway's {@code /api/v1/experiments/{id}}. */
final class GatewayExperimentClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI gateway;
  private final GatewayCredential credential;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  GatewayExperimentClient(URI gateway, GatewayCredential credential) {
    if (gateway.getScheme() == null || gateway.getHost() == null) {
      throw new IllegalArgumentException(
          "--gateway must be a URL such as http://127.0.0.1:8080, got '" + gateway + "'");
    }
    this.gateway = gateway;
    this.credential = credential;
  }

  JsonNode analysis(String id) throws InterruptedException {
    String base = gateway.toString().replaceAll("/+$", "");
    URI uri =
        URI.create(base + "/api/v1/experiments/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
    credential.authorization().ifPresent(value -> request.header("Authorization", value));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 401) {
        throw credential.rejected(base);
      }
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() != 200) {
        throw new IllegalArgumentException(
            "The gateway at "
                + base
                + " returned HTTP "
                + response.statusCode()
                + " for experiment '"
                + id
                + "': "
                + body.path("error").path("message").asText(response.body()));
      }
      return body;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read experiment '"
              + id
              + "' from the gateway at "
              + base
              + " ("
              + e
              + "); check that lookout serve runs there, or pass --data DIR to read a stopped"
              + " gateway's store",
          e);
    }
  }
}
