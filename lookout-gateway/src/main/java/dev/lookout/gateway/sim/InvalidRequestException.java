package dev.lookout.gateway.sim;

/** A client error that the simulator returns as a 400 OpenAI-style error. */
final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String param;

  /**
   * @param param the request field or header at fault, or null
   * @param message what is invalid and how to fix it
   */
  InvalidRequestException(String param, String message) {
    super(message);
    this.param = param;
  }

  String param() {
    return param;
  }
}
