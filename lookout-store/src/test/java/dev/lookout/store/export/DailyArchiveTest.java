package dev.lookout.store.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jclouds.blobstore.options.ListContainerOptions.Builder.inDirectory;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.payload.S3ProxyServer;
import dev.lookout.store.payload.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyArchiveTest {
  private static final Instant NOW = Instant.parse("2026-12-04T01:00:00Z");

  @TempDir Path data;
  @TempDir Path archive;
  private DuckDbCallStore store;

  @BeforeEach
  void fill() {
    store = DuckDbCallStore.open(data);
    List<CallRecord> records = new ArrayList<>();
    // Every 2 hours over three days: 12 records on 2026-12-03.
    for (int i = 0; i < 36; i++) {
      records.add(
          CallRecord.builder()
              .requestId("r" + i)
              .timestamp(Instant.parse("2026-12-02T00:30:00Z").plus(Duration.ofHours(2L * i)))
              .status(CallStatus.SUCCESS)
              .httpStatus(200)
              .build());
    }
    store.append(records);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void yesterdayIsArchived() {
    DailyArchive daily = new DailyArchive(store, ArchiveTarget.of(archive.toString(), null));

    assertThat(daily.archiveYesterday(NOW)).isEqualTo(12);
    assertThat(Files.isDirectory(archive.resolve("date=2026-12-03"))).isTrue();
  }

  @Test
  void s3TargetReceivesDay() throws Exception {
    try (S3ProxyServer server = new S3ProxyServer()) {
      S3Settings settings = server.settings("unused");
      DailyArchive daily =
          new DailyArchive(
              store, ArchiveTarget.of("s3://" + S3ProxyServer.BUCKET + "/archive", settings));

      assertThat(daily.archiveYesterday(NOW)).isEqualTo(12);
      assertThat(server.blobs().list(S3ProxyServer.BUCKET, inDirectory("archive/date=2026-12-03")))
          .isNotEmpty();
      assertThat(daily.archiveYesterday(NOW)).isZero();
    }
  }

  @Test
  void archivedDayIsSkipped() {
    DailyArchive daily = new DailyArchive(store, ArchiveTarget.of(archive.toString(), null));
    daily.archiveYesterday(NOW);

    assertThat(daily.archiveYesterday(NOW)).isZero();
  }
}
