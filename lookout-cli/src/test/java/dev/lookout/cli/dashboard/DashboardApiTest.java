package dev.lookout.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.gateway.dashboard.DashboardAuth;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's JSON routes over real HTTP, behind a bearer token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardApiTest {
  private static final String TOKEN = "the-dashboard-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoGateway gateway;
  private DemoGateway open;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    String yaml =
        "ui:\n  auth:\n    type: bearer\n    secret_sha256: "
            + DashboardAuth.sha256Hex(TOKEN)
            + "\n";
    gateway =
        DemoGateway.start(
            dir.resolve("a"), yaml, 0, 40, Map.of("authorization", "Bearer " + TOKEN));
    open = DemoGateway.start(dir.resolve("b"), "", 0, 5, Map.of());
  }

  @AfterAll
  void stop() throws Exception {
    if (gateway != null) {
      gateway.close();
    }
    if (open != null) {
      open.close();
    }
  }

  @Test
  void apiWithoutTokenIsRejected() throws Exception {
    HttpResponse<String> response = open.get("/healthz");
    assertThat(response.statusCode()).isEqualTo(200);
    HttpResponse<String> rejected = withoutToken("/api/v1/timeseries");
    assertThat(rejected.statusCode()).isEqualTo(401);
    assertThat(rejected.headers().firstValue("www-authenticate"))
        .contains("Bearer realm=\"lookout\"");
  }

  @Test
  void reportRouteNeedsToken() throws Exception {
    assertThat(withoutToken("/api/v1/report").statusCode()).isEqualTo(401);
  }

  @Test
  void pagesLoadWithoutToken() throws Exception {
    HttpResponse<String> page = withoutToken("/ui/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>Lookout</title>");
  }

  @Test
  void uplotServedFromWebJar() throws Exception {
    HttpResponse<String> script = gateway.get("/ui/vendor/uplot/uPlot.esm.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
  }

  @Test
  void timeSeriesCountsEveryCall() throws Exception {
    JsonNode series = json("/api/v1/timeseries?since=1h&bucket=1m");
    long calls = 0;
    for (JsonNode point : series.get("points")) {
      calls += point.get("calls").asLong();
    }
    assertThat(calls).isEqualTo(gateway.replayed.sent());
    assertThat(series.get("bucket_seconds").asLong()).isEqualTo(60);
  }

  @Test
  void breakdownMatchesReport() throws Exception {
    JsonNode breakdown = json("/api/v1/breakdown?since=1h&by=user_id");
    JsonNode report = json("/api/v1/report?since=1h&by=user");
    assertThat(breakdown.get("groups")).isEqualTo(report.get("groups"));
    assertThat(breakdown.get("total")).isEqualTo(report.get("total"));
  }

  @Test
  void breakdownKeepsTopGroups() throws Exception {
    JsonNode breakdown = json("/api/v1/breakdown?since=1h&by=user&limit=2");
    assertThat(breakdown.get("groups")).hasSize(2);
    assertThat(breakdown.get("groups_total").asInt()).isEqualTo(5);
  }

  @Test
  void callListPagesWithCursor() throws Exception {
    JsonNode first = json("/api/v1/calls?limit=10");
    String cursor = first.get("next_before").asText();
    JsonNode second = json("/api/v1/calls?limit=10&before=" + cursor);
    assertThat(first.get("calls")).hasSize(10);
    assertThat(second.get("calls").get(0).get("timestamp").asText())
        .isLessThanOrEqualTo(first.get("calls").get(9).get("timestamp").asText());
    assertThat(second.get("calls").get(0).get("request_id").asText()).isNotEqualTo(cursor);
  }

  @Test
  void callListTakesLargestPage() throws Exception {
    HttpResponse<String> response = gateway.get("/api/v1/calls?limit=500");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void callDetailHasNoProviderKey() throws Exception {
    JsonNode list = json("/api/v1/calls?limit=50");
    for (JsonNode call : list.get("calls")) {
      String id = call.get("request_id").asText();
      assertThat(gateway.get("/api/v1/calls/" + id).body())
          .doesNotContain(DemoGateway.PROVIDER_KEY);
    }
    assertThat(list.toString()).doesNotContain(DemoGateway.PROVIDER_KEY);
  }

  @Test
  void unknownCallIsNotFound() throws Exception {
    HttpResponse<String> response = gateway.get("/api/v1/calls/no-such-id");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("call_not_found");
  }

  @Test
  void invalidSinceIsBadRequest() throws Exception {
    HttpResponse<String> response = gateway.get("/api/v1/timeseries?since=yesterday");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("since");
  }

  @Test
  void hugeSinceIsBadRequest() throws Exception {
    HttpResponse<String> response = gateway.get("/api/v1/timeseries?since=99999999999d");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("invalid_query").contains("3650d");
  }

  @Test
  void hugeBucketIsBadRequest() throws Exception {
    HttpResponse<String> response = gateway.get("/api/v1/timeseries?bucket=99999999999d");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("invalid_query").contains("366d");
  }

  @Test
  void nonsenseBeforeIsBadRequest() throws Exception {
    HttpResponse<String> response = gateway.get("/api/v1/calls?before=nonsense");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("before");
  }

  @Test
  void budgetsWithoutConfigSayNotConfigured() throws Exception {
    assertThat(json("/api/v1/budgets").get("configured").asBoolean()).isFalse();
  }

  @Test
  void guardsRouteAnswers() throws Exception {
    assertThat(json("/api/v1/guards?since=1h").get("points").isArray()).isTrue();
  }

  @Test
  void optionalRoutesAnswerNotFound() throws Exception {
    assertThat(gateway.get("/api/v1/drift").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> withoutToken(String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.url() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(String path) throws Exception {
    HttpResponse<String> response = gateway.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
