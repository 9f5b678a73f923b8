/* global document, fetch, URL, window, Worker */
// The ccm-graph explorer: GraphiQL 5 with the SDK's catalogue of questions preloaded as tabs (the
// headline question first, its answer shown on open), the Explorer plugin for building a query by
// ticking fields, and each tab titled with its question in words. Bundled with everything it
// loads (React, Monaco and its workers, fonts) by scripts/build-explorer.ts into ./dist, and
// served by ccm-graph itself: it works with no internet.
import "graphiql/style.css";
import "@graphiql/plugin-explorer/style.css";
import "./page.css";

import { explorerPlugin } from "@graphiql/plugin-explorer";
import { useGraphiQL, useGraphiQLActions } from "@graphiql/react";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL, HISTORY_PLUGIN } from "graphiql";
import { createElement, useEffect, useRef } from "react";
import { createRoot } from "react-dom/client";

// Monaco runs its language services in workers, bundled beside this file.
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = label === "json" ? "json" : label === "graphql" ? "graphql" : "editor";
    return new Worker(new URL(`/explorer/${file}.worker.js`, window.location.href));
  },
};

/** Runs the open tab's question once the editor and the schema are ready: its answer shows on open. */
function RunOnOpen() {
  const { run } = useGraphiQLActions();
  const ready = useGraphiQL((state) => Boolean(state.queryEditor && state.schema));
  const done = useRef(false);
  useEffect(() => {
    if (ready && !done.current) {
      done.current = true;
      run();
    }
  }, [ready, run]);
  return null;
}

/**
 * GraphiQL titles a tab with its operation name; this shows the question in words instead (cut to
 * the tab's width, in full on hover). The name stays in the DOM for GraphiQL: the question is a
 * data attribute that CSS displays (page.css), so React's own rendering is never touched.
 */
function QuestionTitles({ questions }) {
  const tabs = useGraphiQL((state) => state.tabs);
  useEffect(() => {
    tabs.forEach((tab, index) => {
      const button = document.getElementById(`graphiql-session-tab-${index}`);
      const question = questions.get(tab.title);
      if (!button) return;
      if (question) {
        button.dataset.question = question;
        button.title = question;
      } else {
        delete button.dataset.question;
      }
    });
  });
  return null;
}

(async function main() {
  let catalogue = [];
  try {
    catalogue = await (await fetch("/explorer/catalogue.json")).json();
  } catch {
    catalogue = [];
  }
  const questions = new Map(catalogue.map((question) => [question.name, question.description]));
  const tabs = catalogue.map((question) => ({
    query: `# ${question.description}\n${question.document}`,
    variables:
      question.variables && Object.keys(question.variables).length > 0
        ? JSON.stringify(question.variables, null, 2)
        : undefined,
  }));
  const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", window.location.href).toString() });
  createRoot(document.getElementById("graphiql")).render(
    createElement(
      GraphiQL,
      {
        fetcher,
        // Giving plugins replaces GraphiQL's default list: history is named again.
        plugins: [HISTORY_PLUGIN, explorerPlugin()],
        defaultTabs: tabs.length > 0 ? tabs : undefined,
        defaultEditorToolsVisibility: true,
        shouldPersistHeaders: false,
        // Introspect the schema's own description too: the docs open on it.
        schemaDescription: true,
      },
      createElement(RunOnOpen),
      createElement(QuestionTitles, { questions }),
    ),
  );
})();
