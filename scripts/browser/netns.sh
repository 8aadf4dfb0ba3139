# The network namespace the bandwidth-shaping browser runs need (sourced by scripts/e2e-browser
# and scripts/record-bwe): tc on its loopback shapes nothing else on the machine, and since
# Chromium gathers no ICE candidate on a loopback-only network, a veth pair gives it an
# address of its own. Needs root and ip.
make_netns() {
  local ns=$1
  ip netns add "$ns" &&
    ip -n "$ns" link set lo up &&
    ip -n "$ns" link add jms0 type veth peer name jms1 &&
    ip -n "$ns" addr add 10.213.0.1/24 dev jms0 &&
    ip -n "$ns" link set jms0 up &&
    ip -n "$ns" link set jms1 up
}
