#!/usr/bin/env bash
# Install what Parla needs on this machine, once: uv and the locked Python environment, a Java
# runtime and Maven for the local Kafka broker, and (for tests) Debian's PostgreSQL, two of its
# FreeDict dictionaries, which the flashcard glossary's tests read, its Chromium, which the
# web client's browser tests drive, and (for tests and `make observe`) its Prometheus, whose
# promtool checks the alerting rules.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.8
for_tests=false
for_bench=false
for_observe=false
[[ "${1:-}" == "--for-tests" ]] && for_tests=true
[[ "${1:-}" == "--for-bench" ]] && for_bench=true
[[ "${1:-}" == "--for-observe" ]] && for_observe=true

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "need root to run: $*  (or install it yourself and re-run)" >&2; exit 1; fi; }

apt_updated=false
apt_install() {
  command -v apt-get >/dev/null || { echo "please install: $*" >&2; exit 1; }
  if ! $apt_updated; then as_root apt-get update -q >/dev/null; apt_updated=true; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

if ! command -v uv >/dev/null || [[ "$(uv --version | cut -d' ' -f2)" != "$UV_VERSION" ]]; then
  echo "installing uv $UV_VERSION ..."
  python3 -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
  if ! command -v uv >/dev/null; then
    # pip put the binary beside its Python, which may not be on PATH: link it where it is.
    bin_dir=/usr/local/bin; [[ $(id -u) -eq 0 ]] || { bin_dir="$HOME/.local/bin"; mkdir -p "$bin_dir"; }
    ln -sf "$(python3 -c 'import uv; print(uv.find_uv_bin())')" "$bin_dir/uv"
    command -v uv >/dev/null || { echo "uv is installed in $bin_dir; add it to PATH and re-run" >&2; exit 1; }
  fi
fi
uv sync --frozen --quiet

command -v java >/dev/null || { echo "installing a Java runtime for Kafka ..."; apt_install default-jre-headless; }
command -v mvn >/dev/null || { echo "installing Maven for Kafka's jars ..."; apt_install maven; }

# The AsyncAPI viewer the gateway serves at /asyncapi, from its npm lock; again when the lock changes.
viewer=gateway/asyncapi-ui
if ! cmp -s "$viewer/package-lock.json" "$viewer/node_modules/.installed-lock"; then
  command -v npm >/dev/null || { echo "installing npm for the AsyncAPI viewer ..."; apt_install npm; }
  echo "installing the AsyncAPI viewer (npm ci) ..."
  (cd "$viewer" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$viewer/package-lock.json" "$viewer/node_modules/.installed-lock"
fi

# The web client, from its npm lock (again when the lock changes), built into web/dist when its
# sources changed since the last build: the gateway serves it at /.
web=web
if ! cmp -s "$web/package-lock.json" "$web/node_modules/.installed-lock"; then
  command -v npm >/dev/null || { echo "installing npm for the web client ..."; apt_install npm; }
  echo "installing the web client's packages (npm ci) ..."
  (cd "$web" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$web/package-lock.json" "$web/node_modules/.installed-lock"
fi
sources=$(cd "$web" && find src index.html package-lock.json vite.config.ts tsconfig.json -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)
if [[ "$sources" != "$(cat "$web/dist/.sources" 2>/dev/null)" ]]; then
  echo "building the web client ..."
  (cd "$web" && npm run build --silent >/dev/null)
  echo "$sources" > "$web/dist/.sources"
fi

if $for_tests && [[ -z "${PARLA_TEST_POSTGRES_DSN:-}" ]] && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "installing PostgreSQL for the tests ..."
  apt_install postgresql
fi

if $for_tests && ! [[ -f /usr/share/dictd/freedict-spa-eng.index && -f /usr/share/dictd/freedict-deu-eng.index ]]; then
  echo "installing FreeDict's Spanish-English and German-English dictionaries for the tests ..."
  apt_install dict-freedict-spa-eng dict-freedict-deu-eng
fi

if ($for_tests || $for_bench) && ! [[ -x "${PARLA_CHROMIUM:-/usr/bin/chromium}" ]]; then
  echo "installing Chromium for the web client's browser tests ..."
  apt_install chromium
fi

if ($for_tests || $for_observe) && ! command -v promtool >/dev/null; then
  echo "installing Prometheus for the metrics dashboard and the alerting rules' tests ..."
  apt_install prometheus
fi

if $for_bench && ! command -v wrk >/dev/null; then
  echo "installing wrk for the HTTP benchmarks ..."
  apt_install wrk
fi
