import { HttpError, NetworkError, TimeoutError } from "./errors";

/** How the client talks HTTP; see `ClientOptions`. */
export interface TransportOptions {
  fetch?: typeof globalThis.fetch;
  timeout: number;
  persisted: boolean;
}

type Fetch = typeof globalThis.fetch;

/**
 * A fetch for graphql-request that reads each response whole under the timeout, tells network
 * failures and timeouts apart as SDK errors, rejects answers that are not GraphQL responses,
 * and optionally sends documents by hash first (APQ).
 */
export function createTransport(options: TransportOptions): Fetch {
  const exchange = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const controller = new AbortController();
    const callerSignal = init.signal ?? undefined;
    const onCallerAbort = () => controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) onCallerAbort();
    else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
    let timedOut = false;
    const timer =
      options.timeout > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, options.timeout)
        : undefined;
    try {
      const response = await fetchImpl(input, { ...init, signal: controller.signal });
      const body = await response.text();
      const type = response.headers.get("content-type") ?? "";
      if (!/json/i.test(type)) throw new HttpError(response.status, body.slice(0, 1000), url);
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      if (error instanceof HttpError) throw error;
      if (timedOut) throw new TimeoutError(url, options.timeout);
      // The caller's own abort is theirs to handle: rethrow its reason unchanged.
      if (callerSignal?.aborted) throw callerSignal.reason ?? error;
      throw new NetworkError(url, error);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    }
  };

  if (!options.persisted) return exchange;

  return async (input, init = {}) => {
    if (typeof init.body !== "string") return exchange(input, init);
    const body = JSON.parse(init.body) as { query?: string; extensions?: Record<string, unknown> };
    const hash = body.query ? await sha256Hex(body.query) : null;
    if (!hash) return exchange(input, init);
    const extensions = { ...body.extensions, persistedQuery: { version: 1, sha256Hash: hash } };
    const { query, ...withoutQuery } = body;
    const byHash = await exchange(input, { ...init, body: JSON.stringify({ ...withoutQuery, extensions }) });
    if (!(await isUnknownHash(byHash))) return byHash;
    return exchange(input, { ...init, body: JSON.stringify({ ...withoutQuery, query, extensions }) });
  };
}

/** True when the server does not know the hash (or does not do persisted queries at all). */
async function isUnknownHash(response: Response): Promise<boolean> {
  const text = await response.clone().text();
  if (!text.includes("PERSISTED_QUERY_NOT_") && !text.includes("PersistedQueryNot")) return false;
  try {
    const { errors } = JSON.parse(text) as {
      errors?: { message?: string; extensions?: { code?: string } }[];
    };
    return (errors ?? []).some(
      (e) =>
        e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND" ||
        e.extensions?.code === "PERSISTED_QUERY_NOT_SUPPORTED" ||
        e.message === "PersistedQueryNotFound" ||
        e.message === "PersistedQueryNotSupported",
    );
  } catch {
    return false;
  }
}

const hashes = new Map<string, string>();

/** sha256 hex of the document (the APQ hash), or null where Web Crypto is unavailable. */
async function sha256Hex(text: string): Promise<string | null> {
  const known = hashes.get(text);
  if (known) return known;
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  if (hashes.size < 1000) hashes.set(text, hex);
  return hex;
}
