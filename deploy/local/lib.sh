# shellcheck shell=bash disable=SC2034  # constants are used by the scripts that source this file
# Shared by deploy/local/{up,down,status,kafka,psql}. Sourced, never run.
#
# Every process of the local platform is started with `setsid`, so its pid is also
# its process-group id: `down` can stop a process together with anything it forked.
# Everything the platform writes lives under $LOCAL (the repo's gitignored .local/).

LOCAL_DIR_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCAL_DIR_SCRIPTS/../.." && pwd)"
LOCAL="$REPO_ROOT/.local"
TOOLS="$LOCAL/tools"
DATA="$LOCAL/data"
LOGS="$LOCAL/logs"
RUN="$LOCAL/run"
CONF="$LOCAL/conf"
SECRETS_FILE="$LOCAL/secrets.env"

# Versions are pinned in tools-pom.xml; these name what it produces.
KEYCLOAK_VERSION=26.7.3
KEYCLOAK_HOME="$TOOLS/keycloak-$KEYCLOAK_VERSION"
PG_HOME="$TOOLS/postgres-18.6.0"
KAFKA_HOME="$TOOLS/kafka"
S3PROXY_JAR="$TOOLS/dist/s3proxy.jar"

# Ports (the contract with the services and the README).
GATEWAY_PORT=8080
PG_PORT=15432
KAFKA_PORT=19092
KAFKA_CONTROLLER_PORT=19093
S3_PORT=19000
KEYCLOAK_PORT=8180
KEYCLOAK_MGMT_PORT=19180
# The local WeChat (module local-wechat): mini-program APIs and WeChat Pay v3 (issue #15).
LOCAL_WECHAT_PORT=8190
LOCAL_WECHAT_APP_ID=wx0local0gradphoto
LOCAL_WECHAT_MERCHANT_ID=1900009191

SERVICES=(identity-service payment-service capture-service review-service delivery-service)
declare -A SERVICE_PORT=(
  [identity-service]=8081 [payment-service]=8082 [capture-service]=8083
  [review-service]=8084 [delivery-service]=8085
)
BUCKETS=(gradphoto-photos gradphoto-packages)
REALM=gradphoto

# Short name of a service: identity-service -> identity (its database, role and API prefix).
svc_short() { echo "${1%-service}"; }

# ---------------------------------------------------------------- output
if [[ -t 1 ]]; then
  C_OK=$'\e[32m' C_WARN=$'\e[33m' C_ERR=$'\e[31m' C_DIM=$'\e[2m' C_OFF=$'\e[0m'
else
  C_OK='' C_WARN='' C_ERR='' C_DIM='' C_OFF=''
fi
say()  { printf '%s\n' "$*"; }
ok()   { printf '%s  ok%s %s\n' "$C_OK" "$C_OFF" "$*"; }
warn() { printf '%swarn%s %s\n' "$C_WARN" "$C_OFF" "$*" >&2; }
die()  { printf '%sfail%s %s\n' "$C_ERR" "$C_OFF" "$*" >&2; exit 1; }

# Last lines of a log, indented, for failure messages.
log_tail() {
  local f="$1" n="${2:-40}"
  if [[ -s "$f" ]]; then
    printf '%s---- last %s lines of %s ----%s\n' "$C_DIM" "$n" "$f" "$C_OFF" >&2
    tail -n "$n" "$f" | sed 's/^/    /' >&2
  fi
}

# ---------------------------------------------------------------- java
# A JDK 21+: $JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
java_major() {
  local java="$1" v
  v="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
  echo "${v%%.*}"
}
pick_java_home() {
  local cand best='' best_v=0 v
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    v="$(java_major "$JAVA_HOME/bin/java")"
    if [[ "${v:-0}" -ge 21 ]]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for cand in /usr/lib/jvm/*; do
    [[ -x "$cand/bin/java" && ! -L "$cand" ]] || continue
    v="$(java_major "$cand/bin/java")"
    if [[ "${v:-0}" -gt "$best_v" ]]; then best="$cand" best_v="$v"; fi
  done
  if [[ "$best_v" -ge 21 ]]; then echo "$best"; return 0; fi
  return 1
}
require_java() {
  if [[ -z "${PLATFORM_JAVA_HOME:-}" ]]; then
    PLATFORM_JAVA_HOME="$(pick_java_home)" \
      || die "no JDK 21+ found: set JAVA_HOME to one, or install one under /usr/lib/jvm (e.g. apt-get install openjdk-21-jdk-headless where available)"
  fi
  JAVA="$PLATFORM_JAVA_HOME/bin/java"
}

# ---------------------------------------------------------------- processes
pidfile() { echo "$RUN/$1.pid"; }

# Pid of a component if it is alive, else nothing (and status 1).
running_pid() {
  local f pid
  f="$(pidfile "$1")"
  [[ -s "$f" ]] || return 1
  pid="$(<"$f")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  # A recycled pid would not carry our marker (the .local path) in its command line.
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$LOCAL" || return 1
  echo "$pid"
}
is_running() { running_pid "$1" >/dev/null; }

# start_bg NAME LOGFILE CMD...: runs CMD in a new session (pid == pgid), output to LOGFILE.
start_bg() {
  local name="$1" log="$2"
  shift 2
  # Not a job-control shell, so the child is no group leader and setsid does not fork:
  # $! is the real pid.
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(pidfile "$name")"
}

# Is a TCP port on loopback taken (by anyone)?
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until NAME TIMEOUT_S LOG CHECK...: polls CHECK until it succeeds; fails with the
# log's tail when the process dies or time runs out.
wait_until() {
  local name="$1" timeout="$2" log="$3" start=$SECONDS
  shift 3
  while ! "$@" >/dev/null 2>&1; do
    if ! is_running "$name"; then
      log_tail "$log"
      die "$name exited during start-up (log: $log)"
    fi
    if ((SECONDS - start >= timeout)); then
      log_tail "$log"
      die "$name not healthy after ${timeout}s (log: $log); 'deploy/local/down' stops the rest"
    fi
    sleep 0.5
  done
  ok "$name ($((SECONDS - start))s)"
}

# ---------------------------------------------------------------- env files
# Reads KEY=VALUE lines (blank lines and # comments skipped; the value is taken
# literally, no quotes or expansion) and appends "KEY=VALUE" words to the array named $2.
read_env_file() {
  local file="$1" line key
  local -n out="$2"
  [[ -f "$file" ]] || return 0
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%$'\r'}"
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    key="${line%%=*}"
    [[ "$line" == *=* && "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] \
      || die "$file: not a KEY=VALUE line: $line"
    out+=("$line")
  done <"$file"
}

# Value of KEY in an env file (last one wins), or nothing.
env_file_get() {
  local file="$1" key="$2"
  [[ -f "$file" ]] || return 0
  sed -n "s/^$key=//p" "$file" | tail -n 1
}

# One random secret: hex:N / base64:N are N random bytes; alnum:N is N letters and digits.
gen_secret() {
  local kind="${1%%:*}" n="${1#*:}"
  case "$kind" in
    hex) openssl rand -hex "$n" ;;
    base64) openssl rand -base64 "$n" | tr -d '\n' ;;
    alnum) openssl rand -base64 $((n * 2)) | tr -dc 'A-Za-z0-9' | head -c "$n" ;;
    *) die "secrets.spec: unknown generator '$1' (use hex:N, base64:N or alnum:N)" ;;
  esac
}

# Adds to .local/secrets.env every key of secrets.spec it does not have yet; existing
# values are kept, so passwords stay valid for the data already created with them.
ensure_secrets() {
  local line key spec added=0
  command -v openssl >/dev/null || die "openssl is needed to generate secrets"
  mkdir -p "$LOCAL"
  (umask 077 && touch "$SECRETS_FILE")
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    key="${line%%=*}" spec="${line#*=}"
    if ! grep -q "^$key=" "$SECRETS_FILE"; then
      printf '%s=%s\n' "$key" "$(gen_secret "$spec")" >>"$SECRETS_FILE"
      added=$((added + 1))
    fi
  done <"$LOCAL_DIR_SCRIPTS/secrets.spec"
  ((added == 0)) || ok "secrets: generated $added new value(s) in ${SECRETS_FILE#"$REPO_ROOT"/}"
}
secret() {
  local v
  v="$(env_file_get "$SECRETS_FILE" "$1")"
  [[ -n "$v" ]] || die "secret $1 missing from $SECRETS_FILE"
  echo "$v"
}

# ---------------------------------------------------------------- health checks
pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; }

# Kafka ApiVersions request (api key 18, v0, correlation id 7) over bash's /dev/tcp: a real
# protocol round trip, so "healthy" means the broker answers, not just that a port is open.
kafka_ready() {
  local hex
  hex="$(timeout 3 bash -c '
    exec 3<>/dev/tcp/127.0.0.1/'"$KAFKA_PORT"'
    printf "\x00\x00\x00\x0e\x00\x12\x00\x00\x00\x00\x00\x07\x00\x04lcup" >&3
    head -c 10 <&3 | od -An -tx1' 2>/dev/null | tr -d ' \n')" || return 1
  # size(4 bytes) | correlation id 7 | error code 0
  [[ "${hex:8:12}" == 000000070000 ]]
}

# Signed ListBuckets: checks the server and the credentials.
s3_curl() {
  curl -sS --fail-with-body --max-time 10 \
    --aws-sigv4 "aws:amz:us-east-1:s3" \
    --user "$(secret GRADPHOTO_S3_ACCESS_KEY):$(secret GRADPHOTO_S3_SECRET_KEY)" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@"
}
s3_ready() { s3_curl -o /dev/null "http://127.0.0.1:$S3_PORT/"; }

http_ok() { curl -fsS -o /dev/null --max-time 5 "$1"; }
keycloak_ready() { http_ok "http://127.0.0.1:$KEYCLOAK_MGMT_PORT/health/ready"; }
service_ready() { http_ok "http://127.0.0.1:${SERVICE_PORT[$1]}/q/health/ready"; }
gateway_ready() { http_ok "http://127.0.0.1:$GATEWAY_PORT/healthz"; }
local_wechat_ready() { http_ok "http://127.0.0.1:$LOCAL_WECHAT_PORT/health"; }

# psql as the superuser over the server's private unix socket (trust; see up).
pg_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$RUN/pg" -p "$PG_PORT" -U postgres -d postgres "$@"; }

# stop_components NAME...: signals every named part's process group at once, waits up to
# 40 s for all of them, then kills what is left. PostgreSQL gets SIGINT (fast shutdown) at
# its postmaster only: its children read SIGINT as "cancel query".
stop_components() {
  local name pid i t0=$SECONDS
  local -A pids=()
  for name in "$@"; do
    if pid="$(running_pid "$name")"; then
      pids[$name]="$pid"
      if [[ "$name" == postgres ]]; then
        kill -INT "$pid" 2>/dev/null || true
      else
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      fi
    else
      rm -f "$(pidfile "$name")"
    fi
  done
  for ((i = 0; i < 200; i++)); do
    for name in "${!pids[@]}"; do
      if ! kill -0 -- "-${pids[$name]}" 2>/dev/null; then
        rm -f "$(pidfile "$name")"
        ok "stopped $name ($((SECONDS - t0))s)"
        unset "pids[$name]"
      fi
    done
    ((${#pids[@]})) || return 0
    sleep 0.2
  done
  for name in "${!pids[@]}"; do
    warn "$name did not stop within 40s: killing it"
    kill -KILL -- "-${pids[$name]}" 2>/dev/null || true
    rm -f "$(pidfile "$name")"
  done
  sleep 0.5
}
