package dev.lookout.store;

/** Unchecked failure of a {@link CallStore} operation; the message names the file and the fix. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
