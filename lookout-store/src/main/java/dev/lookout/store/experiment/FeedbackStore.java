package dev.lookout.store.experiment;

import dev.lookout.core.experiment.Feedback;
import dev.lookout.store.StoreException;
import java.util.List;

/**
 * Scores attached to recorded calls, for example {@code thumbs_up} or a conversion. Applications
 * that use Lookout as a library call {@link #record} where the gateway serves {@code POST
 * /v1/feedback}.
 */
public interface FeedbackStore extends AutoCloseable {

  /**
   * Stores the feedback if a call with its request id is stored.
   *
   * @return false, storing nothing, when no call has that request id
   * @throws StoreException if the write failed
   */
  boolean record(Feedback feedback);

  /** Returns the feedback of one call, oldest first. */
  List<Feedback> find(String requestId);

  @Override
  void close();
}
