package dev.lookout.store;

import dev.lookout.core.record.CallRecord;
import dev.lookout.store.report.Report;
import dev.lookout.store.report.ReportQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable table of {@link CallRecord}s and the queries behind reports.
 *
 * <p>Implementations accept {@link #append} from one writer thread while any number of other
 * threads run the read methods. Every method throws {@link StoreException} on failure and after
 * {@link #close()}.
 */
public interface CallStore extends AutoCloseable {

  /**
   * Appends a batch. A failed append may leave part of the batch stored, so an append that contains
   * ids of a failed one skips the ids already stored, and retrying the same batch stores each
   * record once.
   *
   * @return the number of records this call stored, which leaves out the ids already stored
   * @throws StoreException if some record of the batch could not be written
   */
  int append(List<CallRecord> batch);

  /**
   * Writes and removes a marker outside the records, to tell a store that takes no writes (a full
   * disk) from a batch that contains a record the store cannot take.
   *
   * @throws StoreException if the store takes no writes
   */
  void probeWrite();

  /** Aggregates the stored records per group, computed by the store's query engine. */
  Report report(ReportQuery query);

  /** Returns the number of stored records. */
  long count();

  /** Returns the record with this request id, or empty when none is stored. */
  Optional<CallRecord> find(String requestId);

  /** Returns at most {@code limit} records, newest timestamp first. */
  List<CallRecord> recent(int limit);

  /**
   * Returns the summed cost of priced calls since {@code since}, per Lookout key, user and UTC day.
   */
  List<OwnerSpend> spendByOwner(Instant since);

  /** Closes the store. Later calls throw {@link StoreException}, except another close(). */
  @Override
  void close();
}
