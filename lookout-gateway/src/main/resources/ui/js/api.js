// Reads the gateway's JSON API. A bearer token, when the gateway requires one, is kept in this
// tab's sessionStorage only; basic auth is handled by the browser itself.

const TOKEN_KEY = "lookout.token";

/** An API response other than 2xx, with the gateway's error message. */
export class ApiError extends Error {
  constructor(status, message, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Fetches `path` (with `params` as its query) and returns the parsed JSON body. */
export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(name, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const headers = { accept: "application/json" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { headers });
  if (response.ok) return response.json();
  let message = `${response.status} ${response.statusText}`;
  let code = null;
  try {
    const body = await response.json();
    message = body.error?.message ?? message;
    code = body.error?.code ?? null;
  } catch (ignored) {
    // The body was not JSON; keep the status line.
  }
  throw new ApiError(response.status, message, code);
}

/**
 * Fetches a route of an optional feature: resolves to null when the gateway returns 404, which
 * means the feature is not configured (or the gateway is older than the route).
 */
export async function getOptional(path, params = {}) {
  try {
    return await getJson(path, params);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function saveToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}
