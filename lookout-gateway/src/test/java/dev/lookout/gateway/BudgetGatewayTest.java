package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.budget.BudgetLedger;
import dev.lookout.core.budget.BudgetLimit;
import dev.lookout.core.budget.BudgetScope;
import dev.lookout.core.budget.KeyRing;
import dev.lookout.core.budget.LookoutKey;
import dev.lookout.core.record.CallRecord;
import dev.lookout.gateway.access.AccessSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Lookout keys and budgets enforced by the gateway before anything goes upstream. */
class BudgetGatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHAT =
      "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  private static final String KEY = "lk-search-secret-1";
  private static final LookoutKey SEARCH =
      new LookoutKey("search-prod", KeyRing.sha256(KEY), null, "search");

  private static AccessSettings access(boolean required, List<BudgetLimit> budgets, URI hook) {
    return new AccessSettings(
        new KeyRing(List.of(SEARCH), Map.of("alice", "search"), required),
        new BudgetLedger(budgets),
        hook);
  }

  private static GatewayHarness start(AccessSettings access) throws Exception {
    GatewayHarness harness = new GatewayHarness(settings -> settings, access);
    harness.upstream.respond(
        200,
        "application/json",
        Files.readString(SharedData.path("fixtures/openai/chat_basic.json")));
    return harness;
  }

  private static String code(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("error").path("code").asText();
  }

  @Test
  void missingKeyIs401WhenRequired() throws Exception {
    try (GatewayHarness harness = start(access(true, List.of(), null))) {
      HttpResponse<String> response = harness.post("/v1/chat/completions", CHAT);

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(code(response)).isEqualTo("missing_lookout_key");
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void unknownKeyIs401() throws Exception {
    try (GatewayHarness harness = start(access(false, List.of(), null))) {
      HttpResponse<String> response =
          harness.post("/v1/chat/completions", CHAT, "x-lookout-key", "lk-wrong");

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(code(response)).isEqualTo("invalid_lookout_key");
    }
  }

  @Test
  void keyIsRecordedByIdNotValue() throws Exception {
    try (GatewayHarness harness = start(access(true, List.of(), null))) {
      HttpResponse<String> response =
          harness.post("/v1/chat/completions", CHAT, "x-lookout-key", KEY);
      CallRecord record = harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(record.apiKeyId()).isEqualTo("search-prod");
      assertThat(record.toString()).doesNotContain(KEY);
      assertThat(harness.upstream.lastHeaders().get("x-lookout-key")).isNull();
    }
  }

  @Test
  void teamBudgetStopsCallsAt429() throws Exception {
    // chat_basic.json reports 16 prompt and 12 completion tokens on gpt-4o at 2.50 and 10.00
    // USD per million: 16 * 2.5e-6 + 12 * 1e-5 = 0.00016 USD per call. A 0.0003 daily limit
    // lets two calls through (0.00016 and 0.00032 spent after them), then rejects the third.
    BudgetLimit team =
        new BudgetLimit(BudgetScope.TEAM, "search", new BigDecimal("0.0003"), null, null);
    try (GatewayHarness harness = start(access(false, List.of(team), null))) {
      HttpResponse<String> first =
          harness.post("/v1/chat/completions", CHAT, "x-lookout-user", "alice");
      harness.awaitRecord(1);
      HttpResponse<String> second =
          harness.post("/v1/chat/completions", CHAT, "x-lookout-key", KEY);
      harness.awaitRecord(2);
      HttpResponse<String> third =
          harness.post("/v1/chat/completions", CHAT, "x-lookout-user", "alice");
      CallRecord rejected = harness.awaitRecord(3);

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(code(third)).isEqualTo("budget_exceeded");
      assertThat(JSON.readTree(third.body()).path("error").path("message").asText())
          .contains("team 'search'");
      assertThat(harness.upstream.requests()).isEqualTo(2);
      assertThat(rejected.errorType()).isEqualTo("budget_exceeded");
      assertThat(rejected.httpStatus()).isEqualTo(429);
    }
  }

  @Test
  void softThresholdCallsWebhookOnce() throws Exception {
    try (FakeUpstream hook = new FakeUpstream()) {
      List<String> alerts = new CopyOnWriteArrayList<>();
      hook.handler(
          (request, body) -> {
            alerts.add(body.toString());
            request.response().end();
          });
      BudgetLimit user =
          new BudgetLimit(
              BudgetScope.USER, "alice", new BigDecimal("0.001"), null, new BigDecimal("0.2"));
      try (GatewayHarness harness =
          start(access(false, List.of(user), URI.create(hook.url() + "/alerts")))) {
        for (int i = 0; i < 3; i++) {
          harness.post("/v1/chat/completions", CHAT, "x-lookout-user", "alice");
        }
        harness.awaitRecord(3);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (alerts.isEmpty() && System.nanoTime() - deadline < 0) {
          Thread.sleep(10);
        }
        Thread.sleep(100);

        assertThat(alerts).hasSize(1);
        JsonNode alert = JSON.readTree(alerts.get(0));
        assertThat(alert.path("scope").asText()).isEqualTo("user");
        assertThat(alert.path("id").asText()).isEqualTo("alice");
        assertThat(alert.path("period").asText()).isEqualTo("daily");
        assertThat(harness.get("/metrics").body())
            .contains("lookout_budget_soft_limit_reached_total{period=\"daily\",scope=\"user\"}");
      }
    }
  }

  @Test
  void nonAsciiKeyMatchesUtf8Hash() throws Exception {
    String key = "ключ-✓";
    LookoutKey unicode = new LookoutKey("unicode", KeyRing.sha256(key), null, null);
    AccessSettings access =
        new AccessSettings(
            new KeyRing(List.of(unicode), Map.of(), true), new BudgetLedger(List.of()), null);
    try (GatewayHarness harness = start(access)) {
      byte[] body = CHAT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", harness.gateway.port())) {
        java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
        request.write(
            ("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: "
                    + body.length
                    + "\r\nx-lookout-key: ")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        request.write(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        request.write("\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        request.write(body);
        socket.getOutputStream().write(request.toByteArray());
        String response =
            new String(
                socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(response).startsWith("HTTP/1.1 200");
      }
    }
  }

  @Test
  void emptyKeyHeaderCountsAsNone() throws Exception {
    try (GatewayHarness harness = start(access(false, List.of(), null))) {
      HttpResponse<String> response =
          harness.post("/v1/chat/completions", CHAT, "x-lookout-key", " ");

      assertThat(response.statusCode()).isEqualTo(200);
    }
  }
}
