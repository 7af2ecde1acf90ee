#!/usr/bin/env bash
# Benchmark dossier against Hugo on synthetic corpora (issue 8).
#
#   bench/run.sh [--quick] [--runs K] [--sizes "1000 10000 100000"] [--seed S]
#                [--work DIR] [--sleep SEC] [--limit SEC] [--force-large]
#
#   --quick        sizes 1000 and 10000 only (no 100000)
#   --runs K       timed runs per tool and size for N < 100000 (default 3)
#   --sizes LIST   corpus sizes (default "1000 10000 100000")
#   --seed S       corpus seed (default 1)
#   --work DIR     where corpora and results go (default /tmp/dossier-bench)
#   --sleep SEC    pause after sync before each timed run (default 5; 65
#                  with --delete-between)
#   --delete-between  delete moved-aside output after each run (in the
#                  background, then --sleep) instead of after the last run:
#                  for a disk without room for every run's output. ext4
#                  without a journal passes over inodes freed in the last
#                  60 s when it allocates, and for 300 s more while their
#                  inode table block is dirty (fs/ext4/ialloc.c), so a run
#                  made within minutes of a large delete is slowed by it
#   --limit SEC    skip dossier at N >= 100000 when its median full build at
#                  10000 took longer than this (default 60)
#   --force-large  run N >= 100000 regardless of --limit
#   --bin PATH     benchmark this dossier binary instead of building one
#   --timeout SEC  kill a timed run after SEC seconds (recorded as failed)
#   --skip-clean   no clean first build (content/ must already be in WORK)
#
# The binary is copied to WORK/dossier-bin before any run, so a concurrent
# `cargo build` in the repo cannot swap it mid-benchmark.
#
# Needs: cargo, python3, hugo (apt-get install -y hugo), /usr/bin/time
# (apt-get install -y time). See bench/README.md for what is measured.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=/tmp/dossier-bench
RUNS=3
SIZES="1000 10000 100000"
SEED=1
SLEEP=
DEFER=1
LIMIT=60
FORCE_LARGE=0
BIN_ARG=
TIMEOUT=0
SKIP_CLEAN=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) SIZES="1000 10000" ;;
    --runs) RUNS=$2; shift ;;
    --sizes) SIZES=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --work) WORK=$2; shift ;;
    --sleep) SLEEP=$2; shift ;;
    --delete-between) DEFER=0 ;;
    --limit) LIMIT=$2; shift ;;
    --force-large) FORCE_LARGE=1 ;;
    --bin) BIN_ARG=$2; shift ;;
    --timeout) TIMEOUT=$2; shift ;;
    --skip-clean) SKIP_CLEAN=1 ;;
    -h|--help) sed -n '2,32p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

for tool in python3 hugo /usr/bin/time cargo; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found (see bench/README.md)" >&2; exit 1; }
done

mkdir -p "$WORK"
# Room for every run's output until the end (about 80 KB per article and
# run below 100,000; 120 KB per article at 100,000, run once)?
if [ "$DEFER" = 1 ]; then
  need_kb=0
  for N in $SIZES; do
    if [ "$N" -ge 100000 ]; then need_kb=$((need_kb + N * 120)); else need_kb=$((need_kb + N * 80 * (RUNS + 2))); fi
  done
  avail_kb=$(df -Pk "$WORK" | awk 'NR==2{print $4}')
  if [ "$avail_kb" -lt "$need_kb" ]; then
    echo "run.sh: $((avail_kb / 1048576)) GiB free in $WORK, about $((need_kb / 1048576)) GiB needed to keep every run's output: deleting between runs (--delete-between)" >&2
    DEFER=0
  fi
fi
if [ -z "$SLEEP" ]; then
  if [ "$DEFER" = 1 ]; then SLEEP=5; else SLEEP=65; fi
fi
RESULTS=$WORK/results.tsv
LOGS=$WORK/logs
mkdir -p "$LOGS"
printf 'tool\tvariant\tN\trun\twall_s\trss_kib\tpages\texit\tuser_s\tsys_s\n' > "$RESULTS"

if [ -n "$BIN_ARG" ]; then
  SRC_BIN=$BIN_ARG
else
  echo "== building dossier (release)"
  (cd "$REPO" && cargo build --release --quiet)
  SRC_BIN=$REPO/target/release/dossier
fi
BIN=$WORK/dossier-bin
cp "$SRC_BIN" "$BIN"

{
  echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host:     $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB RAM, $(uname -sr)"
  echo "cpu:      $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "repo:     $(cd "$REPO" && git rev-parse --short HEAD)$(cd "$REPO" && git diff --quiet HEAD -- src templates Cargo.toml || echo ' (+ uncommitted changes in src/templates)')"
  echo "binary:   $SRC_BIN ($(file -b "$BIN" | grep -o 'BuildID\[sha1\]=[0-9a-f]*' || true))"
  echo "hugo:     $(hugo version)"
  echo "sizes:    $SIZES; runs: $RUNS; seed: $SEED; sleep: ${SLEEP}s; old output deleted $([ "$DEFER" = 1 ] && echo 'after the last run' || echo 'between runs')"
} | tee "$WORK/env.txt"

# Moved-aside output: deleted after the last timed run (TRASH), or with
# --delete-between in the background, waited for before the next run so no
# run is timed while a delete is in flight (BG_PIDS).
TRASH=()
BG_PIDS=()
settle() {
  local p
  for p in "${BG_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  BG_PIDS=()
}

# move_aside DIR...: rename existing output folders out of the way (prints the new names)
move_aside() {
  local d
  for d in "$@"; do
    if [ -e "$d" ]; then
      local old="$d.old-$RANDOM$RANDOM"
      mv "$d" "$old"
      echo "$old"
    fi
  done
}

# timed TOOL VARIANT N RUN PUBLIC_DIR -- CMD...
# Runs CMD under /usr/bin/time -v and appends one row to results.tsv.
timed() {
  local tool=$1 variant=$2 n=$3 run=$4 public=$5; shift 6
  local tf="$LOGS/$tool-$variant-$n-$run.time" lf="$LOGS/$tool-$variant-$n-$run.log"
  local limit=()
  [ "$TIMEOUT" = 0 ] || limit=(timeout -s KILL "$TIMEOUT")
  /usr/bin/time -v -o "$tf" "${limit[@]}" "$@" >"$lf" 2>&1 || true
  local wall rss status pages user sys
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.2f", s}' "$tf")
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$tf")
  # CPU time in user space and in the kernel (writing files, page faults)
  user=$(awk -F': ' '/User time \(seconds\)/{print $2}' "$tf")
  sys=$(awk -F': ' '/System time \(seconds\)/{print $2}' "$tf")
  # a run killed by a signal (e.g. --timeout, or the OOM killer) still says
  # "Exit status: 0" in time -v's report; check for the signal first
  status=$(grep -m1 -o 'Command terminated by signal [0-9]*' "$tf" | sed 's/.* /signal-/' || true)
  [ -n "$status" ] || status=$(awk -F': ' '/Exit status/{print $2}' "$tf")
  [ -n "$status" ] || status='?' 
  pages=$( { find "$public" -name '*.html' 2>/dev/null || true; } | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$variant" "$n" "$run" "$wall" "$rss" "$pages" "$status" "${user:--}" "${sys:--}" >> "$RESULTS"
  printf '   %-7s %-11s N=%-7s run %s: %7ss  %6s MiB  %6s pages  exit %s\n' \
    "$tool" "$variant" "$n" "$run" "$wall" "$(( ${rss:-0} / 1024 ))" "$pages" "$status"
}

# prepare_and_time TOOL VARIANT N RUN PUBLIC_DIR [MOVE_ASIDE_DIR...] -- CMD...
# Waits for earlier deletions, moves the given folders aside, syncs, sleeps,
# times CMD, then deletes the moved-aside folders in the background.
prepare_and_time() {
  local tool=$1 variant=$2 n=$3 run=$4 public=$5; shift 5
  local aside=()
  while [ "$1" != "--" ]; do aside+=("$1"); shift; done
  settle
  local moved=()
  if [ ${#aside[@]} -gt 0 ]; then mapfile -t moved < <(move_aside "${aside[@]}"); fi
  sync
  sleep "$SLEEP"
  timed "$tool" "$variant" "$n" "$run" "$public" "$@"
  if [ ${#moved[@]} -gt 0 ]; then
    if [ "$DEFER" = 1 ]; then
      TRASH+=("${moved[@]}")
    else
      rm -rf "${moved[@]}" &
      BG_PIDS+=($!)
    fi
  fi
}

median_of() { # tool variant N -> median wall seconds ('' if none)
  awk -F'\t' -v t="$1" -v v="$2" -v n="$3" '$1==t && $2==v && $3==n && $8=="0"{print $5}' "$RESULTS" \
    | sort -n | awk '{a[NR]=$1} END{if(NR==0) print ""; else if(NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'
}

for N in $SIZES; do
  C=$WORK/corpus-$N
  echo "== N=$N: generating corpus in $C"
  if [ "$SKIP_CLEAN" = 1 ] && [ -d "$C/dossier/content" ]; then
    echo "   (--skip-clean: reusing the corpus and content/ in $C)"
  else
    # the last corpus of this size (and its output) is moved aside, not
    # deleted by the generator: see --delete-between
    if [ "$DEFER" = 1 ]; then
      mapfile -t moved < <(move_aside "$C")
      TRASH+=("${moved[@]}")
    fi
    python3 "$REPO/bench/gencorpus.py" --n "$N" --seed "$SEED" --out "$C"
  fi
  D=$C/dossier
  H=$C/hugo
  DOSSIER=("$BIN" build --root "$D" -q)
  HUGO=(hugo --quiet -s "$H" -d "$H/public")

  if [ "$N" -ge 100000 ]; then
    m10=$(median_of dossier full 10000)
    if [ "$FORCE_LARGE" = 0 ] && { [ -z "$m10" ] || awk -v m="$m10" -v l="$LIMIT" 'BEGIN{exit !(m>l)}'; }; then
      echo "   skipping N=$N: dossier median full build at N=10000 = ${m10:-n/a}s > ${LIMIT}s (--force-large to run anyway)"
      printf 'dossier\tskipped\t%s\t-\t-\t-\t-\tskipped\t-\t-\n' "$N" >> "$RESULTS"
      continue
    fi
    # one clean first build only; Hugo is not run at this size
    prepare_and_time dossier clean "$N" 1 "$D/public" "$D/public" "$D/content" "$D/.public.prev" "$D/.dossier-cache" -- "${DOSSIER[@]}"
    continue
  fi

  # A full build starts with no public/, no previous site kept beside it
  # (.public.prev) and no build cache (.dossier-cache): all of it is moved
  # aside first, so every article is processed and every page rendered.
  COLD=("$D/public" "$D/.public.prev" "$D/.dossier-cache")
  # 1. clean first build: no content/ either (writes content/articles/*.md too)
  [ "$SKIP_CLEAN" = 1 ] || prepare_and_time dossier clean "$N" 1 "$D/public" "${COLD[@]}" "$D/content" -- "${DOSSIER[@]}"
  # 2. repeated full builds (content/ present and unchanged, so not rewritten),
  #    alternating with Hugo; public/ moved aside before each run for both.
  for r in $(seq 1 "$RUNS"); do
    prepare_and_time dossier full "$N" "$r" "$D/public" "${COLD[@]}" -- "${DOSSIER[@]}"
    prepare_and_time hugo full "$N" "$r" "$H/public" "$H/public" -- "${HUGO[@]}"
  done
  # 3. rebuilds at N=10000, public/, .public.prev and the cache left in place:
  #    first one with nothing changed (it finds everything as the last build
  #    left it and does nothing), then the first rebuild after one changed
  #    seed, timed on its own: it also makes .public.prev, the site it
  #    replaced, which the builds after it reuse. Then RUNS rebuilds after
  #    one changed seed each (a different seed every time): the steady state.
  if [ "$N" = 10000 ]; then
    prepare_and_time dossier unchanged "$N" 1 "$D/public" -- "${DOSSIER[@]}"
    seeds=("$D"/seeds/*.txt)
    printf '\nUpdate: the death toll rose to %s overnight, the Northern Relief Agency said.\n' 33 >> "${seeds[0]}"
    prepare_and_time dossier first-changed "$N" 1 "$D/public" -- "${DOSSIER[@]}"
    for r in $(seq 1 "$RUNS"); do
      printf '\nUpdate: the death toll rose to %s overnight, the Northern Relief Agency said.\n' "$((r * 7 + 40))" >> "${seeds[$((r * 997 % ${#seeds[@]}))]}"
      prepare_and_time dossier one-changed "$N" "$r" "$D/public" -- "${DOSSIER[@]}"
    done
  fi
done
settle

echo
echo "== results ($RESULTS)"
python3 - "$RESULTS" <<'PY' | tee "$WORK/results.md"
import csv, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t")]
ok = [r for r in rows if r["exit"] == "0"]
groups = {}
for r in ok:
    groups.setdefault((r["tool"], r["variant"], int(r["N"])), []).append(r)
med = {k: statistics.median(float(r["wall_s"]) for r in v) for k, v in groups.items()}
def cpu(v, col):
    xs = [float(r[col]) for r in v if r.get(col) not in (None, "", "-")]
    return statistics.median(xs) if xs else None
med_cpu = {k: (cpu(v, "user_s"), cpu(v, "sys_s")) for k, v in groups.items()}
print("| tool | variant | N | runs | pages | median wall s | min–max s | user s | sys s | peak RSS MiB | pages/s | dossier/Hugo | t(N)/t(N/10) |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for (tool, var, n), v in sorted(groups.items(), key=lambda kv: (kv[0][2], kv[0][0] != "dossier", kv[0][1])):
    walls = [float(r["wall_s"]) for r in v]
    m = med[(tool, var, n)]
    pages = max(int(r["pages"]) for r in v)
    rss = max(int(r["rss_kib"]) for r in v) / 1024
    ratio = ""
    if tool == "dossier" and ("hugo", "full", n) in med:
        ratio = f"{m / med[('hugo', 'full', n)]:.2f}×"
    scale = ""
    prev = (tool, var, n // 10)
    if prev in med and med[prev] > 0:
        scale = f"{m / med[prev]:.2f}×"
    pps = f"{pages / m:.0f}" if m > 0 else ""
    user, sys_ = (f"{x:.2f}" if x is not None else "" for x in med_cpu[(tool, var, n)])
    print(f"| {tool} | {var} | {n} | {len(v)} | {pages} | {m:.2f} | {min(walls):.2f}–{max(walls):.2f} "
          f"| {user} | {sys_} | {rss:.0f} | {pps} | {ratio} | {scale} |")
# how each kind of time grew with the corpus (clean builds, the scaling bar)
for (tool, var, n), m in sorted(med.items()):
    prev = (tool, var, n // 10)
    if tool == "dossier" and var == "clean" and prev in med and med[prev] > 0:
        (u1, s1), (u0, s0) = med_cpu[(tool, var, n)], med_cpu[prev]
        parts = [f"wall {m / med[prev]:.2f}×"]
        if u1 is not None and u0:
            parts.append(f"user {u1 / u0:.2f}×")
        if s1 is not None and s0:
            parts.append(f"system {s1 / s0:.2f}×")
        print(f"\nclean build, N={n} against N={n // 10}: " + ", ".join(parts))
for var in ("unchanged", "first-changed", "one-changed"):
    for (tool, v, n), m in sorted(med.items()):
        if tool == "dossier" and v == var and ("dossier", "full", n) in med:
            print(f"\nrebuild ({var}) at N={n}: {m:.2f} s = {100 * m / med[('dossier', 'full', n)]:.0f}% "
                  f"of the full build ({med[('dossier', 'full', n)]:.2f} s)")
for r in rows:
    if r["exit"] != "0":
        print(f"\n{r['tool']} {r['variant']} N={r['N']} run {r['run']}: exit {r['exit']}"
              + ("" if r["exit"] == "skipped" else " (not in the table)"))
PY

if [ ${#TRASH[@]} -gt 0 ]; then
  echo "== deleting the moved-aside output of the timed runs (${#TRASH[@]} folders)"
  rm -rf "${TRASH[@]}"
fi
