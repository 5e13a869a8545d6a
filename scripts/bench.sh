#!/usr/bin/env bash
# Runs churnkit's JMH benchmarks, one JSON results file per benchmark class, with -prof gc, then prints the
# consolidated table (BenchmarkTable). See docs/benchmarks.md.
#
#   scripts/bench.sh                          every benchmark class, full settings -> docs/benchmarks/<Class>.json
#   scripts/bench.sh 'Score|Batch'            classes whose simple name matches the regex (grep -E)
#   scripts/bench.sh --quick SplitsBenchmark  1 fork, 1 x 1 s warm-up, 2 x 500 ms measurement (figures only show
#                                             that it runs: the JIT has barely finished)
#                                             -> benchmarks/target/bench-quick/<Class>.json (never into docs/)
#   scripts/bench.sh --update-docs            also rewrite the generated table in docs/benchmarks.md
#   scripts/bench.sh SingleScore -- -p model=TREES_100   arguments after -- go to JMH unchanged
#
# Options: --quick, --out DIR (results directory), --no-build (use the existing jar), --update-docs.
# Each run appends the machine, JDK, load, git commit and command to DIR/machine.txt, which the table
# generator prints under the table. Human-readable JMH output goes to benchmarks/target/bench-logs/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/select-jdk.sh"
churnkit_select_jdk 21

quick=0 build=1 update=0 out="" regexes=() jmh_extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-build) build=0 ;;
    --update-docs) update=1 ;;
    --out) out=${2:?--out needs a directory}; shift ;;
    --) shift; jmh_extra=("$@"); break ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "error: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) regexes+=("$1") ;;
  esac
  shift
done
if [ "$quick" = 1 ] && [ "$update" = 1 ]; then
  echo "error: --quick figures are not fit for docs/benchmarks.md; drop --update-docs" >&2
  exit 2
fi
if [ -z "$out" ]; then
  if [ "$quick" = 1 ]; then out="$root/benchmarks/target/bench-quick"; else out="$root/docs/benchmarks"; fi
fi
mkdir -p "$out" "$root/benchmarks/target/bench-logs"
out=$(cd "$out" && pwd)

jar="$root/benchmarks/target/benchmarks.jar"
if [ "$build" = 1 ]; then
  echo "Building $jar ..." >&2
  (cd "$root" && ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests) >&2
fi
[ -f "$jar" ] || { echo "error: $jar is missing (run without --no-build)" >&2; exit 1; }
java=("$JAVA_HOME/bin/java")

# benchmark classes: JMH lists methods as package.Class.method
mapfile -t classes < <("${java[@]}" -jar "$jar" -l | grep '^io\.github\.churnkit\.benchmarks\.' \
  | sed 's/\.[^.]*$//' | sort -u)
selected=()
for c in "${classes[@]}"; do
  simple=${c##*.}
  if [ ${#regexes[@]} -eq 0 ]; then selected+=("$c"); continue; fi
  for r in "${regexes[@]}"; do
    if printf '%s\n' "$simple" | grep -Eq -- "$r"; then selected+=("$c"); break; fi
  done
done
if [ ${#selected[@]} -eq 0 ]; then
  echo "error: no benchmark class matches ${regexes[*]:-}; classes: ${classes[*]##*.}" >&2
  exit 1
fi

jmh_settings=(-prof gc)
host_flags=()
if [ "$quick" = 1 ]; then
  jmh_settings+=(-f 1 -wi 1 -w 1s -i 2 -r 500ms)
  host_flags+=(-Djmh.ignoreLock=true) # a smoke run may overlap another JMH run on a shared machine
fi

{
  echo "== run started $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "classes: ${selected[*]##*.}"
  echo "command: scripts/bench.sh $( [ "$quick" = 1 ] && echo --quick ) ${regexes[*]:-} ${jmh_extra[*]:+-- ${jmh_extra[*]}}"
  echo "JMH arguments per class: ${jmh_settings[*]} ${jmh_extra[*]:-} -rf json -rff $out/<Class>.json"
  echo "git: $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$root" && git diff --quiet HEAD 2>/dev/null || echo ' (uncommitted changes)')"
  echo "os: $(uname -srm)"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1), $(nproc) cores visible"
  echo "memory: $(awk '/^MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo 2>/dev/null)"
  echo "java: $("${java[@]}" -version 2>&1 | tr '\n' ' ')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
} >> "$out/machine.txt"

status=0
for c in "${selected[@]}"; do
  simple=${c##*.}
  echo "== $simple -> $out/$simple.json" >&2
  if ! "${java[@]}" "${host_flags[@]}" -jar "$jar" "^${c//./\\.}\\." "${jmh_settings[@]}" "${jmh_extra[@]}" \
      -rf json -rff "$out/$simple.json" 2>&1 | tee "$root/benchmarks/target/bench-logs/$simple.log"; then
    echo "error: $simple failed (log: benchmarks/target/bench-logs/$simple.log)" >&2
    status=1
  fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >> "$out/machine.txt"

shopt -s nullglob
results=("$out"/*.json)
if [ ${#results[@]} -gt 0 ]; then
  echo >&2
  if [ "$update" = 1 ]; then
    "${java[@]}" -cp "$jar" io.github.churnkit.benchmarks.BenchmarkTable --update "$root/docs/benchmarks.md" "${results[@]}"
  fi
  "${java[@]}" -cp "$jar" io.github.churnkit.benchmarks.BenchmarkTable "${results[@]}"
fi
exit $status
