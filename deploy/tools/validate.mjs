// Validates rendered Kubernetes objects against the JSON schemas that the kubernetes-models
// packages ship (generated from the Kubernetes OpenAPI document and the projects' CRDs or API
// types): Kubernetes itself, Gateway API, the Prometheus operator, Traefik and CloudNativePG.
//
//   node validate.mjs <rendered.yaml>…
//
// Prints one JSON line per object: {file, index, apiVersion, kind, name, status, errors}, where
// status is "valid", "invalid" or "no-schema" (an API group none of these packages covers).
// Exits with 1 when an object is invalid. Besides the schema (types, formats, enums, required
// fields), it rejects fields the schema does not know, like `kubeconform -strict`.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const PACKAGES = [
  { match: (group) => !group.includes(".") || group.endsWith(".k8s.io") && group !== "gateway.networking.k8s.io",
    module: (group, version) => `kubernetes-models/${group ? group + "/" : ""}${version}` },
  { match: (group) => group === "gateway.networking.k8s.io",
    module: (group, version) => `@kubernetes-models/gateway-api/${group}/${version}` },
  { match: (group) => group === "monitoring.coreos.com",
    module: (group, version) => `@kubernetes-models/prometheus-operator/${group}/${version}` },
  { match: (group) => group === "traefik.io",
    module: (group, version) => `@kubernetes-models/traefik/${group}/${version}` },
  { match: (group) => group === "postgresql.cnpg.io",
    module: (group, version) => `@kubernetes-models/cloudnative-pg/${group}/${version}` },
];

async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const pkg = PACKAGES.find((p) => p.match(group));
  if (!pkg) return undefined;
  const models = await import(pkg.module(group, version));
  const model = models[kind];
  if (!model) throw new Error(`${pkg.module(group, version)} has no kind ${kind}`);
  return model;
}

// Wraps a plain JSON tree in proxies that record which property names the compiled schema
// validator reads and whether it enumerates an object's keys (maps, additionalProperties).
function track(value, path, nodes) {
  if (Array.isArray(value)) return value.map((v, i) => track(v, `${path}/${i}`, nodes));
  if (value === null || typeof value !== "object") return value;
  const node = { path, keys: Object.keys(value), read: new Set(), enumerated: false };
  nodes.push(node);
  const target = {};
  for (const key of node.keys) target[key] = track(value[key], `${path}/${key}`, nodes);
  return new Proxy(target, {
    get(t, p, r) {
      if (typeof p === "string") node.read.add(p);
      return Reflect.get(t, p, r);
    },
    has(t, p) {
      if (typeof p === "string") node.read.add(p);
      return Reflect.has(t, p);
    },
    ownKeys(t) {
      node.enumerated = true;
      return Reflect.ownKeys(t);
    },
  });
}

// Keys of an object the schema has properties for but never looked at. A node whose keys the
// validator enumerated (a map) or that it did not look into at all (free-form) has none.
function unknownFields(nodes) {
  const unknown = [];
  for (const node of nodes) {
    if (node.enumerated || node.read.size === 0) continue;
    for (const key of node.keys) {
      if (!node.read.has(key)) unknown.push(`${node.path}/${key}: field not in the schema`);
    }
  }
  return unknown;
}

async function validate(object) {
  const model = await modelOf(object.apiVersion, object.kind);
  if (!model) return { status: "no-schema", errors: [] };
  const instance = new model(object);
  const nodes = [];
  const tracked = track(JSON.parse(JSON.stringify(instance)), "", nodes);
  const errors = [];
  try {
    instance.validate.call(tracked);
  } catch (e) {
    errors.push(...String(e.message).split("\n").filter((l) => l.trim()));
  }
  if (errors.length === 0) errors.push(...unknownFields(nodes));
  return { status: errors.length ? "invalid" : "valid", errors };
}

let invalid = 0;
for (const file of process.argv.slice(2)) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  let index = 0;
  for (const doc of docs) {
    if (doc.errors.length) {
      invalid++;
      console.log(JSON.stringify({ file, index, status: "invalid", errors: doc.errors.map(String) }));
      continue;
    }
    const object = doc.toJS();
    if (object === null || object === undefined) continue;
    let result;
    try {
      result = await validate(object);
    } catch (e) {
      result = { status: "invalid", errors: [String(e.message)] };
    }
    if (result.status === "invalid") invalid++;
    console.log(JSON.stringify({ file, index: index++, apiVersion: object.apiVersion, kind: object.kind,
      name: object.metadata?.name, ...result }));
  }
}
process.exit(invalid ? 1 : 0);
