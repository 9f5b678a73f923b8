/**
 * Compile-time tests: results and variables of the SDK are typed from the schema and the
 * operations. The checks below never run; tsc checks them, both in `npm run typecheck` (the root
 * tsconfig includes tests/) and in the jest test at the bottom, which compiles this file. Each
 * `@ts-expect-error` line must fail to compile, or tsc reports the directive as unused.
 */
import path from "node:path";

import { parse } from "graphql";
import ts from "typescript";

import {
  type CcmGraphClient,
  GraphQLResponseError,
  type NeedArea,
  type NodeOf,
  type ResultOf,
  type StateProfileQuery,
  type TypedDocumentNode,
  type VariablesOf,
} from "../../sdk/index";

/** True when A and B are the same type (not merely assignable). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;
/** `exactly<T>()(value)` compiles only when the value's type is exactly T. */
const exactly =
  <Expected>() =>
  <Actual>(value: Actual, ..._mismatch: Equal<Actual, Expected> extends true ? [] : [never]): Actual =>
    value;

async function resultsAreTyped(client: CcmGraphClient): Promise<void> {
  const { states } = await client.signatoriesWithStockpilesAndAssistanceNeeds();
  const civ = states.nodes[0];
  exactly<string>()(civ.code);
  // @ts-expect-error the checks bite: a code is a string, not a number
  exactly<number>()(civ.code);
  // @ts-expect-error and string | null is not string
  assertType<Equal<string | null, string>>();
  exactly<number>()(states.totalCount);
  assertType<Equal<(typeof civ.assistanceNeeds)[number]["area"], NeedArea>>();
  assertType<Equal<(typeof civ.assistanceNeeds)[number]["sources"][number]["footnote"], number | null>>();
  // @ts-expect-error the operation does not select participation
  void civ.participation;

  const { state } = await client.stateProfile({ code: "LAO" });
  exactly<StateProfileQuery["state"]>()(state);
  // @ts-expect-error state(code:) is null for an unknown code: check before use
  void state.name;
  // An obligation's article is null where the report leaves it open (possibleArticles then).
  // @ts-expect-error article may be null
  void state?.obligations.map((o) => o.article.toFixed());
  void state?.obligations.map((o) => o.article?.toFixed() ?? o.possibleArticles.join("/"));

  const { stateCounts } = await client.stateCounts({ groupBy: "STATUS" });
  exactly<{ key: string; count: number }[]>()(stateCounts);

  assertType<Equal<ResultOf<"report">, Awaited<ReturnType<CcmGraphClient["report"]>>>>();
  assertType<Equal<NodeOf<"paragraphs">["number"], number>>();
}

async function variablesAreTyped(client: CcmGraphClient): Promise<void> {
  // @ts-expect-error code is required
  await client.stateProfile();
  // @ts-expect-error code is an ID: a string, not a number
  await client.stateProfile({ code: 42 });
  // @ts-expect-error no such variable
  await client.stateProfile({ code: "LAO", country: "LAO" });
  // @ts-expect-error not a TreatyStatus
  await client.statesByStatus({ status: "PARTY" });
  // @ts-expect-error asOf is a LocalDate string (YYYY-MM-DD), not a Date
  await client.stateCounts({ groupBy: "STATUS", asOf: new Date() });
  // @ts-expect-error the action number is an Int
  await client.actionImplementation({ number: "21" });
  // @ts-expect-error not a NeedArea
  await client.assistanceNeeds({ area: "MONEY" });
  // @ts-expect-error filters are typed to the end: themeIn takes Theme values
  await client.findings({ filter: { themeIn: ["STOCKPILES"] } });
  // @ts-expect-error the headline question takes no variables
  await client.signatoriesWithStockpilesAndAssistanceNeeds({ status: "SIGNATORY" });

  await client.statesByStatus({ status: "SIGNATORY", asOf: "2010-11-09" });
  await client.states({ filter: { and: [{ status: "STATE_PARTY" }, { not: { assistanceNeed: {} } }] } });
  assertType<Equal<VariablesOf<"sectionQuestions">["section"], string>>();
}

async function pagesAreTyped(client: CcmGraphClient): Promise<void> {
  for await (const page of client.pages("states", { first: 10 })) {
    exactly<boolean>()(page.states.pageInfo.hasNextPage);
  }
  for await (const finding of client.items("findings", { filter: { themeIn: ["CLEARANCE"] } })) {
    exactly<string>()(finding.key);
  }
  // @ts-expect-error the report is not a paged operation
  client.pages("report");
  // @ts-expect-error statesByStatus needs its status on every page
  client.items("statesByStatus", { first: 10 });
}

async function customDocumentsAreTyped(client: CcmGraphClient): Promise<void> {
  const oneState: TypedDocumentNode<{ state: { name: string } | null }, { code: string }> = parse(
    "query OneState($code: ID!) { state(code: $code) { name } }",
  );
  const { state } = await client.request(oneState, { code: "LAO" });
  exactly<{ name: string } | null>()(state);
  // @ts-expect-error the document's variables are checked
  await client.request(oneState, { code: 7 });
  // @ts-expect-error and required
  await client.request(oneState);
  const untyped = await client.request<{ report: { title: string } }>("{ report { title } }");
  exactly<string>()(untyped.report.title);
}

function errorsAreTyped(error: unknown): void {
  if (error instanceof GraphQLResponseError) {
    exactly<string[]>()(error.codes);
    assertType<Equal<(typeof error.errors)[number]["message"], string>>();
  }
}

void [resultsAreTyped, variablesAreTyped, pagesAreTyped, customDocumentsAreTyped, errorsAreTyped];

it("compiles: results and variables are typed, and every @ts-expect-error line fails to compile", () => {
  const root = path.resolve(__dirname, "../..");
  const configFile = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const program = ts.createProgram([__filename], { ...options, noEmit: true });
  const problems = ts.getPreEmitDiagnostics(program).map((d) =>
    ts.formatDiagnostic(d, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => "\n",
    }),
  );
  expect(problems).toEqual([]);
}, 120_000);
