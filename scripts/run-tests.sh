#!/usr/bin/env bash
# The whole suite: static checks, then pytest on SQLite and on a throw-away PostgreSQL cluster
# (browser tests included in both). Prints pytest's summary lines; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
started=$(date +%s)

scripts/install-system-packages.sh --test || exit 1

# Production-like settings for the run: DEBUG off, a throw-away key, plain HTTP on loopback.
export DEBUG=false HTTPS_ONLY=false STATIC_FROM_FINDERS=true
export SECRET_KEY="test-$(head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export ALLOWED_HOSTS="testserver,127.0.0.1,localhost"
export CAREERLENS_VAR_DIR="$PWD/var/test"
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || true)}"
# One BLAS thread: on two shared cores, OpenBLAS threads wait on each other and slow matrix work 10-40x.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
mkdir -p "$CAREERLENS_VAR_DIR"

status=0
step() {
  local name=$1; shift
  echo "== $name"
  if ! "$@"; then
    echo "!! $name failed"
    status=1
  fi
}

step "ruff" $BIN/ruff check src tests bench
step "migrations are up to date" env DATABASE_URL="sqlite:///$CAREERLENS_VAR_DIR/check.sqlite3" \
  $BIN/careerlens makemigrations --check --dry-run
step "import contracts" $BIN/lint-imports --no-cache

summaries=()
run_pytest() {
  local label=$1 url=$2 log="$CAREERLENS_VAR_DIR/pytest-$1.log"
  echo "== pytest on $label"
  DATABASE_URL="$url" $BIN/pytest -p no:randomly "${@:3}" 2>&1 | tee "$log"
  local code=${PIPESTATUS[0]}
  summaries+=("$label: $(tail -n 1 "$log" | sed 's/=//g; s/^ *//; s/ *$//')")
  if [ "$code" -ne 0 ]; then
    echo "!! pytest on $label failed (exit $code)"
    status=1
  fi
}

run_pytest sqlite "sqlite:///$CAREERLENS_VAR_DIR/careerlens.sqlite3" "$@"

pgdir=$(mktemp -d /tmp/careerlens-pg.XXXXXX)
pgport=$($BIN/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
trap 'scripts/pg-cluster.sh stop "$pgdir"' EXIT
if scripts/pg-cluster.sh start "$pgdir" "$pgport"; then
  run_pytest postgresql "postgres://postgres@127.0.0.1:$pgport/careerlens" "$@"
else
  echo "!! could not start PostgreSQL"
  status=1
fi

echo
echo "== summary ($(( $(date +%s) - started )) s)"
for line in "${summaries[@]}"; do echo "$line"; done
exit $status
