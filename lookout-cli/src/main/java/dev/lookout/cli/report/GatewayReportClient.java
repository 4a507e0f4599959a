package dev.lookout.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.gateway.GatewayCredential;
import dev.lookout.store.report.Report;
import dev.lookout.store.report.ReportJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Fetches a report from a running gateway's {@code GET /api/v1/report}. */
final class GatewayReportClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI gateway;
  private final GatewayCredential credential;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  GatewayReportClient(URI gateway, GatewayCredential credential) {
    if (gateway.getScheme() == null || gateway.getHost() == null) {
      throw new IllegalArgumentException(
          "--gateway must be a URL such as http://127.0.0.1:8080, got '" + gateway + "'");
    }
    this.gateway = gateway;
    this.credential = credential;
  }

  Report fetch(String since, String by) throws InterruptedException {
    String base = gateway.toString().replaceAll("/+$", "");
    URI uri =
        URI.create(
            base
                + "/api/v1/report?since="
                + URLEncoder.encode(since, StandardCharsets.UTF_8)
                + "&by="
                + URLEncoder.encode(by, StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
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
          "The gateway at " + base + " rejected the report request: " + errorMessage(response));
    }
    return ReportJson.read(response.body());
  }

  private static String errorMessage(HttpResponse<String> response) {
    try {
      JsonNode message = JSON.readTree(response.body()).path("error").path("message");
      if (message.isTextual()) {
        return message.asText();
      }
    } catch (IOException e) {
      // Not JSON: fall back to the status line below.
    }
    return "HTTP " + response.statusCode();
  }
}
