package dev.lookout.store.payload;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remote payload store with a local spill folder in front of it, so payloads survive an outage.
 *
 * <p>{@link #put} uploads directly while nothing is spilled. When the upload fails (the store is
 * down, or slower than its call timeout), or when older payloads are still spilled, the payload is
 * written to the spill folder instead. A background thread uploads spilled files oldest first,
 * deleting each after its upload succeeded, and waits with exponential backoff after a failure.
 * Spilled files are named {@code <epoch millis>-<sequence>_<key>}, so their order and age survive a
 * restart, and the thread resumes them when the store is opened again.
 *
 * <p>NOTE: a payload spilled while an upload of the same key is in flight is uploaded twice; the
 * second upload replaces the first with the same bytes.
 */
public final class SpillingPayloadStore implements PayloadStore {
  private static final Logger log = LoggerFactory.getLogger(SpillingPayloadStore.class);
  private static final String SEPARATOR = "_";

  private final PayloadStore remote;
  private final Path spill;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Clock clock;
  private final Thread uploader;
  private final Object lock = new Object();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong uploaded = new AtomicLong();
  private final AtomicLong spilled = new AtomicLong();
  private final AtomicLong uploadFailures = new AtomicLong();
  private volatile boolean closed;

  /** Whether the spill folder is empty, so a put may go straight to the remote store. */
  private boolean spillEmpty;

  /**
   * Opens the spill folder (creating it when missing) and starts the uploader, which first resumes
   * files spilled before a restart.
   *
   * @param initialBackoff wait after the first failed upload, doubled after each later failure
   * @param maxBackoff max wait between two upload attempts
   */
  public SpillingPayloadStore(
      PayloadStore remote, Path spill, Duration initialBackoff, Duration maxBackoff, Clock clock) {
    this.remote = remote;
    this.spill = spill.toAbsolutePath();
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.clock = clock;
    try {
      Files.createDirectories(this.spill);
    } catch (IOException e) {
      throw new PayloadStoreException(
          "Creating the payload spill folder " + this.spill + " failed: " + e, e);
    }
    List<Path> pending = pending();
    spillEmpty = pending.isEmpty();
    if (!pending.isEmpty()) {
      log.info(
          "payloads: {} payloads spilled before a restart wait in {}; uploading them to {}",
          pending.size(),
          this.spill,
          remote.location());
    }
    this.uploader = new Thread(this::runUploader, "lookout-payload-uploader");
    uploader.setDaemon(true);
    uploader.setPriority(Thread.MIN_PRIORITY);
    uploader.start();
  }

  /** Returns the spill folder under a data folder. */
  public static Path folderIn(Path dataDir) {
    return dataDir.resolve("payload-spill");
  }

  @Override
  public void put(String key, byte[] object) {
    synchronized (lock) {
      if (spillEmpty) {
        try {
          remote.put(key, object);
          return;
        } catch (PayloadStoreException e) {
          log.warn(
              "payloads: upload to {} failed, spilling to {} and retrying in the background: {}",
              remote.location(),
              spill,
              e.getMessage());
        }
      }
      writeSpill(key, object);
      spillEmpty = false;
      lock.notifyAll();
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    for (Path file : pending()) {
      if (keyOf(file).equals(key)) {
        try {
          return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
          // Uploaded meanwhile; read it from the remote store below.
        } catch (IOException e) {
          throw new PayloadStoreException("Reading the spilled payload " + file + " failed", e);
        }
      }
    }
    return remote.get(key);
  }

  @Override
  public List<LocalDate> days() {
    return remote.days();
  }

  @Override
  public long deleteDay(LocalDate day) {
    return remote.deleteDay(day);
  }

  @Override
  public String location() {
    return remote.location() + " (spill folder " + spill + ")";
  }

  /** Returns the bytes of the payloads waiting in the spill folder. */
  public long spillBytes() {
    long bytes = 0;
    for (Path file : pending()) {
      try {
        bytes += Files.size(file);
      } catch (IOException e) {
        // Uploaded and deleted while counting.
      }
    }
    return bytes;
  }

  /** Returns the number of payloads waiting in the spill folder. */
  public int spillCount() {
    return pending().size();
  }

  /** Returns the age of the oldest spilled payload, or zero when none waits. */
  public Duration oldestAge() {
    List<Path> pending = pending();
    if (pending.isEmpty()) {
      return Duration.ZERO;
    }
    long millis = Long.parseLong(pending.get(0).getFileName().toString().split("-", 2)[0]);
    return Duration.ofMillis(Math.max(0, clock.millis() - millis));
  }

  /** Returns the number of spilled payloads uploaded. */
  public long uploaded() {
    return uploaded.get();
  }

  /** Returns the number of payloads written to the spill folder. */
  public long spilled() {
    return spilled.get();
  }

  /** Returns the number of failed uploads of spilled payloads, each retried later. */
  public long uploadFailures() {
    return uploadFailures.get();
  }

  /** Stops the uploader; spilled files stay on disk for the next start. Closes the remote store. */
  @Override
  public void close() {
    closed = true;
    synchronized (lock) {
      lock.notifyAll();
    }
    uploader.interrupt();
    try {
      uploader.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int left = spillCount();
    if (left > 0) {
      log.warn(
          "payloads: stopped with {} payloads in {}; they are uploaded after the next start",
          left,
          spill);
    }
    remote.close();
  }

  private void writeSpill(String key, byte[] object) {
    String name =
        String.format(
            "%013d-%09d%s%s",
            clock.millis(),
            sequence.incrementAndGet() % 1_000_000_000L,
            SEPARATOR,
            key.replace('/', '~'));
    Path target = spill.resolve(name);
    Path temporary = spill.resolve(".tmp-" + name);
    try {
      Files.write(temporary, object);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target);
      }
      spilled.incrementAndGet();
    } catch (IOException e) {
      throw new PayloadStoreException(
          "Spilling the payload " + key + " to " + spill + " failed: " + e, e);
    }
  }

  private void runUploader() {
    long backoffNanos = initialBackoff.toNanos();
    while (!closed) {
      List<Path> pending = pending();
      if (pending.isEmpty()) {
        synchronized (lock) {
          spillEmpty = pending().isEmpty();
          try {
            lock.wait(1_000);
          } catch (InterruptedException e) {
            return;
          }
        }
        continue;
      }
      Path file = pending.get(0);
      try {
        remote.put(keyOf(file), Files.readAllBytes(file));
        Files.delete(file);
        uploaded.incrementAndGet();
        backoffNanos = initialBackoff.toNanos();
        if (pending.size() == 1) {
          log.info("payloads: spill folder drained to {}", remote.location());
        }
      } catch (NoSuchFileException e) {
        // Deleted by another process; nothing to upload.
      } catch (IOException | RuntimeException e) {
        long count = uploadFailures.incrementAndGet();
        if (Long.bitCount(count) == 1) {
          log.warn(
              "payloads: uploading spilled payloads to {} failed ({} failures so far, {} waiting);"
                  + " retrying in {} ms: {}",
              remote.location(),
              count,
              pending.size(),
              TimeUnit.NANOSECONDS.toMillis(backoffNanos),
              e.getMessage());
        }
        try {
          TimeUnit.NANOSECONDS.sleep(backoffNanos);
        } catch (InterruptedException interrupted) {
          return;
        }
        backoffNanos = Math.min(backoffNanos * 2, maxBackoff.toNanos());
      }
    }
  }

  /** Returns the spilled files, oldest first. */
  private List<Path> pending() {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(spill)) {
      for (Path file : stream) {
        String name = file.getFileName().toString();
        if (!name.startsWith(".tmp-") && name.contains(SEPARATOR)) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      throw new PayloadStoreException("Listing the payload spill folder " + spill + " failed", e);
    }
    files.sort(null);
    return files;
  }

  private static String keyOf(Path file) {
    String name = file.getFileName().toString();
    return name.substring(name.indexOf(SEPARATOR) + 1).replace('~', '/');
  }
}
