package dev.lookout.store.payload;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Object store for captured request and response bodies, one gzip-compressed JSON object per call
 * under the key {@link PayloadKeys#of(String)}.
 *
 * <p>Keys start with the UTC day of the call ({@code 2026-12-04/18/<request_id>.json.gz}), so
 * retention deletes whole day prefixes instead of single objects. Implementations are thread-safe.
 * Every method throws {@link PayloadStoreException} when the store cannot be reached.
 */
public interface PayloadStore extends AutoCloseable {

  /** Stores {@code object} under {@code key}, replacing any object stored there. */
  void put(String key, byte[] object);

  /** Returns the object stored under {@code key}, or empty when there is none. */
  Optional<byte[]> get(String key);

  /** Returns the UTC days that have objects, oldest first. */
  List<LocalDate> days();

  /**
   * Deletes every object of {@code day}.
   *
   * @return the number of objects deleted
   */
  long deleteDay(LocalDate day);

  /** Returns the store's location for logs and messages, for example {@code s3://bucket/prefix}. */
  String location();

  @Override
  void close();
}
