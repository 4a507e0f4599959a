package dev.lookout.store.retention;

import java.time.LocalDate;
import java.util.List;

/**
 * Outcome of one retention run: what it deleted, or would delete in a dry run.
 *
 * @param recordsBefore first day of records kept, or null when records are kept forever
 * @param records number of call records deleted (or to delete)
 * @param payloadsBefore first day of payloads kept, or null when payloads are kept forever
 * @param payloadDays the day folders of payloads deleted (or to delete)
 * @param payloadObjects number of payload objects deleted; 0 in a dry run, which does not list them
 * @param dryRun whether nothing was deleted
 */
public record RetentionResult(
    LocalDate recordsBefore,
    long records,
    LocalDate payloadsBefore,
    List<LocalDate> payloadDays,
    long payloadObjects,
    boolean dryRun) {

  /** Returns a one-line summary for logs and the command line. */
  public String summary() {
    String verb = dryRun ? "would delete" : "deleted";
    String recordPart =
        recordsBefore == null
            ? "records kept forever"
            : verb + " " + records + " call records before " + recordsBefore;
    String payloadPart =
        payloadsBefore == null
            ? "payloads kept forever"
            : verb
                + " "
                + count(payloadDays.size(), "payload day folder")
                + " before "
                + payloadsBefore
                + (dryRun ? "" : " (" + count(payloadObjects, "object") + ")");
    return "retention: " + recordPart + "; " + payloadPart;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
