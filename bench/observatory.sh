#!/usr/bin/env bash
# Scan the production configuration with the MDN HTTP Observatory, over HTTPS.
#
# HSTS is only judged on a certificate the scanner trusts, so this makes a throwaway
# local CA, signs a certificate for 127.0.0.1 with it, serves the site with gunicorn
# and production settings, and runs the scanner with that CA as its only extra root
# (the npm wrapper would replace NODE_EXTRA_CA_CERTS, so the scan script runs directly).
# Usage: bash bench/observatory.sh [path]   (needs node/npm and openssl)
set -euo pipefail
cd "$(dirname "$0")/.."
PATH_TO_SCAN="${1:-/}"
WORK="$(mktemp -d)"
PORT="${OBSERVATORY_PORT:-8443}"
trap 'kill "${GUNICORN_PID:-0}" 2>/dev/null || true; cat "$WORK/gunicorn.log" "$WORK/scan.err" 2>/dev/null | tail -5; rm -rf "$WORK"' EXIT

make venv >/dev/null
( cd "$WORK" && npm install --silent --ignore-scripts @mdn/mdn-http-observatory >/dev/null 2>&1 )
echo '{}' > "$WORK/node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json"

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/ca.key" -out "$WORK/ca.pem" -days 2 -subj "/CN=Local test CA" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout "$WORK/server.key" -out "$WORK/server.csr" -subj "/CN=127.0.0.1" 2>/dev/null
printf "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n" > "$WORK/ext.cnf"
openssl x509 -req -in "$WORK/server.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" -CAcreateserial \
  -out "$WORK/server.pem" -days 2 -extfile "$WORK/ext.cnf" 2>/dev/null

export DEBUG=false SECRET_KEY="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')"
export ALLOWED_HOSTS=127.0.0.1 STATIC_ROOT="$WORK/static" DATABASE_URL="sqlite:///$WORK/db.sqlite3"
# Production refuses to start without these; no e-mail is sent during a scan (port 1 is closed).
export SITE_URL="https://127.0.0.1:$PORT" DEFAULT_FROM_EMAIL="Campaign <noreply@example.org>"
export EMAIL_HOST=127.0.0.1 EMAIL_PORT=1
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py load_demo_content >/dev/null
.venv/bin/gunicorn campaign.wsgi --bind "127.0.0.1:$PORT" --workers 2 \
  --certfile "$WORK/server.pem" --keyfile "$WORK/server.key" >"$WORK/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
sleep 3

NODE_EXTRA_CA_CERTS="$WORK/ca.pem" node "$WORK/node_modules/@mdn/mdn-http-observatory/src/scan.js" \
  "127.0.0.1:$PORT$PATH_TO_SCAN" 2>"$WORK/scan.err" | tee "$WORK/scan.json" | .venv/bin/python -c '
import json, sys
result = json.load(sys.stdin)
scan = result["scan"]
print("MDN HTTP Observatory: grade %s, score %s" % (scan["grade"], scan["score"]))
for name, test in result["tests"].items():
    status = "pass" if test["pass"] else "FAIL"
    print("  %s  %s: %s (%+d)" % (status, name, test["result"], test["scoreModifier"]))
'
