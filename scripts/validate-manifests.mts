/**
 * `npm run manifests`: validates the reference Kubernetes manifests (deploy/kubernetes/) against
 * the object schemas (the `kubernetes-models` package; CloudNativePG's Cluster from
 * `@kubernetes-models/cloudnative-pg`), and checks that they fit together: the Service selects
 * the Deployment's pods, the probes ask /healthz and /readyz, and the nodes' database URLs name
 * the operator's Services of the Cluster defined beside them. They cannot be applied here (no
 * Kubernetes cluster): this is as far as checking them goes.
 */
import fs from "node:fs";
import path from "node:path";

import { Cluster } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { Service } from "kubernetes-models/v1";
import { parseAllDocuments } from "yaml";

const DIR = path.resolve(import.meta.dirname, "..", "deploy", "kubernetes");

/** The models a manifest may hold, by apiVersion and kind. */
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  "apps/v1 Deployment": Deployment,
  "v1 Service": Service,
  "policy/v1 PodDisruptionBudget": PodDisruptionBudget,
  "postgresql.cnpg.io/v1 Cluster": Cluster,
};

const problems: string[] = [];
const objects: { file: string; data: any }[] = [];
for (const file of fs
  .readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()) {
  for (const document of parseAllDocuments(fs.readFileSync(path.join(DIR, file), "utf8"))) {
    if (document.errors.length > 0) {
      problems.push(`${file}: ${document.errors[0].message}`);
      continue;
    }
    const data = document.toJS();
    if (!data) continue;
    const key = `${data.apiVersion} ${data.kind}`;
    const Model = MODELS[key];
    if (!Model) {
      problems.push(`${file}: no schema known for ${key}`);
      continue;
    }
    try {
      new Model(data).validate();
      objects.push({ file, data });
    } catch (error) {
      problems.push(`${file}: ${key} ${data.metadata?.name}: ${(error as Error).message}`);
    }
  }
}

const find = (kind: string) => objects.filter((o) => o.data.kind === kind).map((o) => o.data);
const [deployment] = find("Deployment");
const [service] = find("Service");
const [cluster] = find("Cluster");
const expect = (ok: boolean, problem: string) => ok || problems.push(problem);
expect(
  Boolean(deployment && service && cluster),
  "expected a Deployment, a Service and a CloudNativePG Cluster",
);
if (deployment && service && cluster) {
  const labels = deployment.spec.template.metadata.labels;
  const selects = Object.entries(service.spec.selector).every(([k, v]) => labels[k] === v);
  expect(selects, "the Service does not select the Deployment's pods");
  const [container] = deployment.spec.template.spec.containers;
  expect(container.livenessProbe?.httpGet?.path === "/healthz", "the liveness probe must ask /healthz");
  expect(container.readinessProbe?.httpGet?.path === "/readyz", "the readiness probe must ask /readyz");
  const env = Object.fromEntries(
    container.env.map((e: { name: string; value?: string }) => [e.name, e.value]),
  );
  const name = cluster.metadata.name;
  expect(
    String(env.DATABASE_URL).includes(`@${name}-rw:`),
    `DATABASE_URL must name the primary's Service ${name}-rw`,
  );
  expect(
    String(env.DATABASE_READ_URL).includes(`@${name}-ro:`),
    `DATABASE_READ_URL must name the standbys' Service ${name}-ro`,
  );
  expect(cluster.spec.instances >= 2, "the Cluster needs at least one replica (instances >= 2)");
}

if (problems.length > 0) {
  console.error(`manifests: ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(
  `manifests: ${objects.length} objects valid (${objects.map((o) => `${o.data.kind} ${o.data.metadata.name}`).join(", ")})`,
);
