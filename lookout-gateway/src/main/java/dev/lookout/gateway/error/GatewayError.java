package dev.lookout.gateway.error;

import dev.lookout.core.record.CallStatus;

/**
 * Catalogue of the errors Lookout itself raises, each with its HTTP status, OpenAI-style error type
 * and code, and the status recorded for the call. Handlers pick an entry and a message; they do not
 * build error responses themselves.
 */
public enum GatewayError {
  INVALID_JSON(400, "invalid_request_error", "invalid_json", CallStatus.ERROR),
  MISSING_MODEL(400, "invalid_request_error", "missing_model", CallStatus.ERROR),
  INVALID_MODEL(400, "invalid_request_error", "invalid_model", CallStatus.ERROR),
  INPUT_BLOCKED(400, "invalid_request_error", "input_blocked", CallStatus.FILTERED),
  INVALID_HEADER(400, "invalid_request_error", "invalid_header", CallStatus.ERROR),
  INVALID_REQUEST(400, "invalid_request_error", "invalid_request", CallStatus.ERROR),
  UNSUPPORTED_CONTENT_ENCODING(
      415, "invalid_request_error", "unsupported_content_encoding", CallStatus.ERROR),
  UNKNOWN_EXPERIMENT(400, "invalid_request_error", "unknown_experiment", CallStatus.ERROR),
  INVALID_EXPERIMENT_REQUEST(
      400, "invalid_request_error", "invalid_experiment_request", CallStatus.ERROR),
  EXPERIMENT_NOT_FOUND(404, "invalid_request_error", "experiment_not_found", CallStatus.ERROR),
  UNKNOWN_REQUEST_ID(404, "invalid_request_error", "unknown_request_id", CallStatus.ERROR),
  FEATURE_OFF(404, "not_configured", "feature_off", CallStatus.ERROR),
  MISSING_LOOKOUT_KEY(401, "authentication_error", "missing_lookout_key", CallStatus.ERROR),
  INVALID_LOOKOUT_KEY(401, "authentication_error", "invalid_lookout_key", CallStatus.ERROR),
  DASHBOARD_UNAUTHORIZED(
      401, "authentication_error", "invalid_dashboard_credentials", CallStatus.ERROR),
  BUDGET_EXCEEDED(429, "budget_exceeded", "budget_exceeded", CallStatus.ERROR),
  BODY_TOO_LARGE(413, "invalid_request_error", "request_too_large", CallStatus.ERROR),
  INVALID_QUERY(400, "invalid_request_error", "invalid_query", CallStatus.ERROR),
  INVALID_REQUEST_ID(400, "invalid_request_error", "invalid_request_id", CallStatus.ERROR),
  ROUTE_NOT_FOUND(404, "invalid_request_error", "unknown_url", CallStatus.ERROR),
  CALL_NOT_FOUND(404, "invalid_request_error", "call_not_found", CallStatus.ERROR),
  METHOD_NOT_ALLOWED(405, "invalid_request_error", "method_not_allowed", CallStatus.ERROR),
  UPSTREAM_UNREACHABLE(502, "api_error", "upstream_unreachable", CallStatus.ERROR),
  UPSTREAM_TIMEOUT(504, "api_error", "upstream_timeout", CallStatus.TIMEOUT),
  UPSTREAM_UNREADABLE(502, "api_error", "upstream_unreadable", CallStatus.ERROR),
  CLIENT_CLOSED(499, "invalid_request_error", "client_disconnected", CallStatus.CANCELLED),
  BODY_TIMEOUT(408, "invalid_request_error", "request_body_timeout", CallStatus.ERROR),
  SHUTTING_DOWN(503, "api_error", "shutting_down", CallStatus.ERROR),
  OVERLOADED(503, "api_error", "gateway_overloaded", CallStatus.ERROR),
  BUSY(503, "api_error", "gateway_busy", CallStatus.ERROR),
  INTERNAL(500, "api_error", "internal_error", CallStatus.ERROR),
  PAYLOAD_NOT_FOUND(404, "invalid_request_error", "payload_not_found", CallStatus.ERROR),
  PAYLOAD_STORE_FAILED(502, "api_error", "payload_store_failed", CallStatus.ERROR);

  private final int httpStatus;
  private final String type;
  private final String code;
  private final CallStatus callStatus;

  GatewayError(int httpStatus, String type, String code, CallStatus callStatus) {
    this.httpStatus = httpStatus;
    this.type = type;
    this.code = code;
    this.callStatus = callStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** OpenAI's {@code error.type}, for example {@code invalid_request_error}. */
  public String type() {
    return type;
  }

  /** OpenAI's {@code error.code}; also stored as the call record's {@code error_type}. */
  public String code() {
    return code;
  }

  public CallStatus callStatus() {
    return callStatus;
  }
}
