/** What a request to /graphql must look like before GraphQL sees it: its method, Host and body encoding. */
import type { FastifyRequest, onRequestAsyncHookHandler, preParsingAsyncHookHandler } from "fastify";

import { errorBody } from "../errors";

/** The methods /graphql answers, as CORS advertises them and a 405 lists them. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"];

/** The same request, seen as a GET (for HEAD: Fastify leaves the body out of the answer). */
export function asGet<R extends FastifyRequest>(request: R): R {
  return Object.create(request, { method: { value: "GET" } }) as R;
}

/**
 * Apollo's Fastify integration builds a URL from the Host header: one that is not a host name (a
 * space, an empty Host) would make it throw, a 500. Such a request is the client's error.
 */
export const validHost: onRequestAsyncHookHandler = async (request, reply) => {
  if (!URL.canParse(`http://${request.hostname}/`)) {
    return reply.code(400).send(errorBody("BAD_REQUEST", "The Host header is not a valid host name."));
  }
};

/** Request bodies are read as they come: a compressed one is refused plainly (415), not as bad JSON. */
export const uncompressedBodies: preParsingAsyncHookHandler = async (request, _reply, payload) => {
  const encoding = request.headers["content-encoding"];
  if (encoding && encoding.toLowerCase() !== "identity") {
    throw Object.assign(
      new Error(
        `Compressed request bodies (Content-Encoding: ${encoding}) are not supported; send the JSON as is.`,
      ),
      { statusCode: 415 },
    );
  }
  return payload;
};
