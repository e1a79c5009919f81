#!/usr/bin/env bash
# Installs the peers the benchmark compares Bengal with, when they are missing, and prints their
# versions. A peer that cannot be installed is reported and skipped; the bench still runs.
set -uo pipefail
cd "$(dirname "$0")"

ELEVENTY_VERSION="3"                 # major line; `npm view @11ty/eleventy@3 version` lists releases
HIGHLIGHT_VERSION="5"                # @11ty/eleventy-plugin-syntaxhighlight, Prism-based

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

apt_install() {
  as_root apt-get install -y -qq "$@" >/dev/null 2>&1 ||
    { as_root apt-get update -qq >/dev/null 2>&1 && as_root apt-get install -y -qq "$@" >/dev/null 2>&1; }
}

# GNU time gives each run's peak memory (maximum resident set size).
if [ ! -x /usr/bin/time ]; then
  apt_install time || echo "setup: GNU time unavailable; peak memory comes from Bun's resource usage"
fi

# Hugo from Debian's package (0.111 on bookworm), the version the issue's numbers were taken with.
if ! command -v hugo >/dev/null 2>&1; then
  echo "setup: installing hugo (apt)"
  apt_install hugo || echo "setup: skip hugo: apt-get install hugo failed (no root or no network)"
fi
if command -v hugo >/dev/null 2>&1; then echo "hugo: $(hugo version | head -1)"; fi

# Eleventy and its syntax highlighting plugin in bench/.peers (not part of the workspace).
if ! command -v node >/dev/null 2>&1; then
  echo "setup: skip eleventy: node is not installed"
elif [ ! -f .peers/node_modules/@11ty/eleventy/package.json ] ||
  [ ! -f .peers/node_modules/@11ty/eleventy-plugin-syntaxhighlight/package.json ]; then
  echo "setup: installing @11ty/eleventy@$ELEVENTY_VERSION and the syntax highlight plugin (npm)"
  mkdir -p .peers
  # Indented as Biome formats it: npm keeps a package.json's indentation when it adds dependencies.
  [ -f .peers/package.json ] || printf '{\n  "private": true\n}\n' >.peers/package.json
  npm install --prefix .peers --no-audit --no-fund --loglevel=error \
    "@11ty/eleventy@$ELEVENTY_VERSION" "@11ty/eleventy-plugin-syntaxhighlight@$HIGHLIGHT_VERSION" >/dev/null ||
    echo "setup: skip eleventy: npm install failed"
fi
if [ -f .peers/node_modules/@11ty/eleventy/package.json ]; then
  v=$(node -p 'require("./.peers/node_modules/@11ty/eleventy/package.json").version')
  p=$(node -p 'require("./.peers/node_modules/@11ty/eleventy-plugin-syntaxhighlight/package.json").version')
  echo "eleventy: $v (syntaxhighlight $p, node $(node --version))"
fi
