#!/usr/bin/env bash
# Measures what deploy/helm sizes the services from: each service's fast-jar started alone (no
# database, Kafka or Keycloak reachable; their health checks report DOWN, the JVM runs), the
# time until /q/health/started answers, the resident set size 5 s later and after 400 requests.
#   deploy/tools/measure-services.sh      (after mvn -DskipTests install; JAVA_HOME a JDK 21+)
# Uses ports 28081-28085 on 127.0.0.1 and stops every process it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
port=28081
# Made-up WeChat credentials: the services check them at start; nothing here calls WeChat.
keys="$(mktemp -d)"
trap 'rm -rf "$keys"' EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/merchant.pem" 2>/dev/null
platform_key="$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | openssl pkey -pubout | grep -v -- ----- | tr -d '\n')"
for svc in identity-service payment-service capture-service review-service delivery-service; do
  jar="$svc/target/quarkus-app/quarkus-run.jar"
  [[ -f "$jar" ]] || { echo "$svc: $jar missing (mvn -DskipTests install)"; continue; }
  log="$(mktemp)"
  t0=$(date +%s%N)
  env QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:1/x QUARKUS_DATASOURCE_USERNAME=x \
    QUARKUS_DATASOURCE_PASSWORD=x QUARKUS_HIBERNATE_ORM_SCHEMA_MANAGEMENT_STRATEGY=none QUARKUS_FLYWAY_MIGRATE_AT_START=false \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 QUARKUS_OIDC_AUTH_SERVER_URL=http://127.0.0.1:1/realms/x \
    GRADPHOTO_IDENTITY_URL=http://127.0.0.1:1 GRADPHOTO_S3_ENDPOINT=http://127.0.0.1:1 \
    GRADPHOTO_S3_ACCESS_KEY=x GRADPHOTO_S3_SECRET_KEY=xxxxxxxx \
    GRADPHOTO_ID_HASH_KEY="$(head -c 32 /dev/urandom | base64)" \
    GRADPHOTO_ID_ENC_KEY="$(head -c 32 /dev/urandom | base64)" \
    GRADPHOTO_ID_DELIVERY_KEY="$(head -c 32 /dev/urandom | base64)" \
    GRADPHOTO_WECHAT_APP_ID=wx0 GRADPHOTO_WECHAT_APP_SECRET=x GRADPHOTO_WECHATPAY_APP_ID=wx0 \
    GRADPHOTO_WECHATPAY_MERCHANT_ID=1 GRADPHOTO_WECHATPAY_MERCHANT_SERIAL_NUMBER=x \
    GRADPHOTO_WECHATPAY_PRIVATE_KEY_PATH="$keys/merchant.pem" GRADPHOTO_WECHATPAY_API_V3_KEY=0123456789abcdef0123456789abcdef \
    GRADPHOTO_WECHATPAY_PLATFORM_PUBLIC_KEY="$platform_key" GRADPHOTO_WECHATPAY_PLATFORM_PUBLIC_KEY_ID=PUB_KEY_ID_0 \
    GRADPHOTO_WECHATPAY_NOTIFY_URL=http://127.0.0.1:1/n GRADPHOTO_WECHATPAY_REFUND_NOTIFY_URL=http://127.0.0.1:1/r \
    "$java" -Xmx384m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -jar "$jar" >"$log" 2>&1 &
  pid=$!
  started=no
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/started"; then started=yes; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  t1=$(date +%s%N)
  sleep 5
  rss_idle=$(ps -o rss= -p "$pid" || echo '?')
  for _ in $(seq 1 200); do
    curl -s -o /dev/null "http://127.0.0.1:$port/q/health/live"
    curl -s -o /dev/null "http://127.0.0.1:$port/q/metrics"
  done
  rss_after=$(ps -o rss= -p "$pid" || echo '?')
  echo "$svc started=$started start_ms=$(((t1 - t0) / 1000000)) rss_idle_kb=$rss_idle rss_after_400_requests_kb=$rss_after"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$log"
  port=$((port + 1))
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
