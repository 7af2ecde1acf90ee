#!/usr/bin/env bash
# Build the seeds and the development corpus with NO config.yaml (extraction
# from the text alone) and score both against the analyst gold in ../shared.
# Also scores the seeds built with the repo's config.yaml.
#   usage: scripts/score.sh [--verbose]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$repo/../shared}"
verbose="${1:-}"
if [ ! -f "$shared/eval/score.py" ]; then
  echo "score.sh: $shared/eval/score.py not found (set SHARED=/path/to/shared)" >&2
  exit 2
fi
cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin="${CARGO_TARGET_DIR:-$repo/target}/release/dossier"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

score() { # name project gold
  local name="$1" proj="$2" gold="$3"
  "$bin" build --root "$proj" --quiet
  echo "== $name"
  if [ "$verbose" = "--verbose" ]; then
    python3 "$shared/eval/score.py" --dossier "$proj/public/data/dossier.json" --gold "$gold"
  else
    python3 "$shared/eval/score.py" --dossier "$proj/public/data/dossier.json" --gold "$gold" | tail -n 1
  fi
}

mkdir -p "$work/seeds/seeds"
cp "$shared"/seeds/*.txt "$work/seeds/seeds/"
score "seeds, no config" "$work/seeds" "$shared/gold/seeds"

mkdir -p "$work/seeds-config/seeds"
cp "$shared"/seeds/*.txt "$work/seeds-config/seeds/"
cp "$repo/config.yaml" "$work/seeds-config/"
score "seeds, repo config.yaml" "$work/seeds-config" "$shared/gold/seeds"

mkdir -p "$work/dev/seeds" "$work/dev-gold"
cp "$shared"/corpora/dev/*/*.txt "$work/dev/seeds/"
cp "$shared"/gold/dev/*/*.json "$work/dev-gold/"
score "dev corpus (18 pages, other events), no config" "$work/dev" "$work/dev-gold"
