package dev.lookout.store.payload;

/** A payload store could not be read or written; the message names the store and the key. */
public final class PayloadStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PayloadStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public PayloadStoreException(String message) {
    super(message);
  }
}
