/** Jest runs TypeScript through swc (decorator metadata on) against a real PostgreSQL. */
const swc = {
  jsc: {
    parser: { syntax: "typescript", decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: "es2022",
  },
  module: { type: "commonjs" },
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest", swc] },
  cacheDirectory: "<rootDir>/node_modules/.cache/jest",
  // Starts one embedded PostgreSQL for the run (or uses DATABASE_URL) and stops it afterwards.
  globalSetup: "<rootDir>/tests/helpers/global-setup.mjs",
  globalTeardown: "<rootDir>/tests/helpers/global-teardown.mjs",
  testTimeout: 60_000,
  maxWorkers: 2,
};
