package dev.lookout.store.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3PayloadStoreTest {
  private static S3ProxyServer server;

  @BeforeAll
  static void startProxy() throws Exception {
    server = new S3ProxyServer();
  }

  @AfterAll
  static void stopProxy() throws Exception {
    server.close();
  }

  @Test
  void putThenGetRoundTrips() {
    try (S3PayloadStore store = new S3PayloadStore(server.settings("roundtrip"))) {
      byte[] object = "hello".getBytes(StandardCharsets.UTF_8);
      store.put("2026-12-01/10/a.json.gz", object);
      assertThat(store.get("2026-12-01/10/a.json.gz")).contains(object);
    }
  }

  @Test
  void objectKeyHasPrefix() {
    try (S3PayloadStore store = new S3PayloadStore(server.settings("/team/a/"))) {
      store.put("2026-12-01/10/b.json.gz", new byte[] {1});
      assertThat(server.blobs().blobExists(S3ProxyServer.BUCKET, "team/a/2026-12-01/10/b.json.gz"))
          .isTrue();
    }
  }

  @Test
  void missingKeyIsEmpty() {
    try (S3PayloadStore store = new S3PayloadStore(server.settings("missing"))) {
      assertThat(store.get("2026-12-01/10/none.json.gz")).isEmpty();
    }
  }

  @Test
  void deleteDayRemovesOnlyThatDay() {
    try (S3PayloadStore store = new S3PayloadStore(server.settings("days"))) {
      for (int i = 0; i < 3; i++) {
        store.put("2026-11-0" + (i + 1) + "/0" + i + "/x" + i + ".json.gz", new byte[] {1});
      }
      store.put("2026-11-01/23/y.json.gz", new byte[] {2});

      assertThat(store.deleteDay(LocalDate.parse("2026-11-01"))).isEqualTo(2);
      assertThat(store.days())
          .containsExactly(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"));
    }
  }

  @Test
  void unreachableStoreNamesBucket() throws Exception {
    S3Settings settings =
        new S3Settings(
            java.net.URI.create("http://127.0.0.1:1"),
            "us-east-1",
            "nowhere",
            "",
            true,
            true,
            java.time.Duration.ofSeconds(1));
    try (S3PayloadStore store = new S3PayloadStore(settings)) {
      assertThatThrownBy(() -> store.put("2026-12-01/10/c.json.gz", new byte[] {1}))
          .isInstanceOf(PayloadStoreException.class)
          .hasMessageContaining("s3://nowhere/2026-12-01/10/c.json.gz");
    }
  }
}
