/* global React, ReactDOM, GraphiQL, document, fetch, URL, window */
// The ccm-graph explorer: GraphiQL with the SDK's catalogue of questions preloaded as tabs,
// the headline question first. Everything it loads is served by ccm-graph itself.
(async function main() {
  const root = document.getElementById("graphiql");
  let catalogue = [];
  try {
    catalogue = await (await fetch("/explorer/catalogue.json")).json();
  } catch {
    catalogue = [];
  }
  const tabs = catalogue.map((question) => ({
    query: `# ${question.name}: ${question.description}\n${question.document}`,
    variables:
      question.variables && Object.keys(question.variables).length > 0
        ? JSON.stringify(question.variables, null, 2)
        : undefined,
  }));
  const fetcher = GraphiQL.createFetcher({ url: new URL("/graphql", window.location.href).toString() });
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: tabs.length > 0 ? tabs : undefined,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
    }),
  );
})();
