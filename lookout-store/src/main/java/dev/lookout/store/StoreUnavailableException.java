package dev.lookout.store;

/**
 * Failure of a store write caused by the store itself, not by the records written: a full disk,
 * missing permissions, or a database that must be reopened. Retrying the same records later can
 * succeed, so they are kept.
 */
public class StoreUnavailableException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
