package dev.lookout.store.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillingPayloadStoreTest {
  @TempDir Path spill;
  private S3ProxyServer server;

  @BeforeEach
  void startProxy() throws Exception {
    server = new S3ProxyServer();
  }

  @AfterEach
  void stopProxy() throws Exception {
    server.close();
  }

  private SpillingPayloadStore open(String prefix) {
    return new SpillingPayloadStore(
        new S3PayloadStore(server.settings(prefix)),
        spill,
        Duration.ofMillis(50),
        Duration.ofMillis(400),
        Clock.systemUTC());
  }

  private static String key(int i) {
    return String.format("2026-12-04/18/%06d.json.gz", i);
  }

  private static byte[] body(int i) {
    return ("payload " + i).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void outageSpillsThenUploadsEverything() throws Exception {
    List<String> keys = new ArrayList<>();
    try (SpillingPayloadStore store = open("outage")) {
      for (int i = 0; i < 20; i++) {
        store.put(key(i), body(i));
        keys.add(key(i));
      }
      server.stop();
      for (int i = 20; i < 60; i++) {
        store.put(key(i), body(i));
        keys.add(key(i));
      }
      assertThat(store.spillCount()).isPositive();
      assertThat(store.spillBytes()).isPositive();
      // Spilled payloads are readable before they are uploaded.
      assertThat(store.get(key(59))).contains(body(59));
      long failing = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (store.uploadFailures() < 2 && System.nanoTime() < failing) {
        Thread.sleep(20);
      }
      assertThat(store.uploadFailures()).isGreaterThanOrEqualTo(2);

      server.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (store.spillCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(store.spillCount()).isZero();
      assertThat(store.oldestAge()).isEqualTo(Duration.ZERO);
    }
    for (int i = 0; i < keys.size(); i++) {
      assertThat(server.blobs().blobExists(S3ProxyServer.BUCKET, "outage/" + keys.get(i)))
          .as("payload %d uploaded", i)
          .isTrue();
    }
  }

  @Test
  void spillSurvivesRestart() throws Exception {
    server.stop();
    try (SpillingPayloadStore store = open("restart")) {
      for (int i = 0; i < 10; i++) {
        store.put(key(i), body(i));
      }
      assertThat(store.spillCount()).isEqualTo(10);
    }
    server.start();
    try (SpillingPayloadStore store = open("restart")) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (store.spillCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(store.spillCount()).isZero();
      for (int i = 0; i < 10; i++) {
        assertThat(store.get(key(i))).as("payload %d", i).contains(body(i));
      }
    }
  }

  @Test
  void spillKeepsOrder() throws Exception {
    server.stop();
    try (SpillingPayloadStore store = open("order")) {
      for (int i = 0; i < 5; i++) {
        store.put(key(i), body(i));
      }
      assertThat(store.oldestAge()).isGreaterThanOrEqualTo(Duration.ZERO);
      server.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (store.spillCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(store.uploaded()).isEqualTo(5);
    }
  }
}
