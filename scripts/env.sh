# Shared environment for the project's scripts (sourced, not run).
# Cargo's build output lives outside the clone so fresh checkouts reuse earlier builds.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/follow-up/target}"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk must never reach the network: every tool comes from scripts/setup.
export TRUNK_SKIP_VERSION_CHECK=true
export TRUNK_OFFLINE=true
