#!/usr/bin/env bash
# Fuzzes one TrackerPS parser with afl-fuzz (Debian: apt-get install -y afl++) and SharpFuzz, or replays inputs.
#
#   tests/TrackerPS.Fuzz/fuzz.sh fuzz TARGET MINUTES   build, instrument TrackerPS.Core.dll, run afl-fuzz for MINUTES,
#                                                      print its stats and replay what it found
#   tests/TrackerPS.Fuzz/fuzz.sh replay TARGET PATH... run the (uninstrumented) harness over files or folders and
#                                                      list the inputs that break the target's contract
#   tests/TrackerPS.Fuzz/fuzz.sh minimize TARGET IN OUT  afl-tmin IN to OUT (after a fuzz run built the harness)
#
# TARGET is metainfo, bencode, http, udp or magnet (see Targets/*.cs for each contract). Work files go to
# output/fuzz/ (FUZZ_WORK overrides): build/ (instrumented), replay/ (plain build), findings/TARGET/ (afl-fuzz's
# output: default/crashes, default/hangs, default/queue, default/fuzzer_stats). Only one afl-fuzz at a time: it keeps a
# core busy for the whole run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${FUZZ_WORK:-$repo/output/fuzz}"
project="$here/TrackerPS.Fuzz.csproj"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

usage() {
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

build_plain() {
    dotnet build "$project" -c Release -v q -nologo -o "$work/replay" >/dev/null
}

# A fresh publish each time: sharpfuzz instruments in place and refuses an assembly it already instrumented.
build_instrumented() {
    rm -rf "$work/build"
    dotnet publish "$project" -c Release -v q -nologo -o "$work/build" >/dev/null
    (cd "$repo" && dotnet tool restore >/dev/null && dotnet sharpfuzz "$work/build/TrackerPS.Core.dll")
}

stats() {
    local file="$1/default/fuzzer_stats"
    grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|bitmap_cvg|edges_found|total_edges|saved_crashes|saved_hangs)\b' "$file"
}

fuzz() {
    local target="$1" minutes="$2"
    command -v afl-fuzz >/dev/null || { echo "afl-fuzz is not installed (Debian: apt-get install -y afl++)" >&2; exit 1; }
    [ -d "$here/seeds/$target" ] || { echo "no seeds for target '$target' in $here/seeds" >&2; exit 2; }
    build_instrumented
    local findings="$work/findings/$target" dictionary=()
    [ -f "$here/dictionaries/$target.dict" ] && dictionary=(-x "$here/dictionaries/$target.dict")
    rm -rf "$findings"
    mkdir -p "$findings"
    # The harness is a managed program, not an afl-instrumented binary; SharpFuzz speaks afl's fork-server protocol.
    # -t 5000: a managed run's first input includes JIT time. -m none: the .NET runtime reserves more address space
    # than afl's default limit.
    AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
        afl-fuzz -i "$here/seeds/$target" -o "$findings" -V $((minutes * 60)) -t 5000 -m none "${dictionary[@]}" \
        -- dotnet "$work/build/TrackerPS.Fuzz.dll" fuzz "$target" >"$findings/afl.log" 2>&1 || {
            tail -30 "$findings/afl.log" >&2
            exit 1
        }
    stats "$findings"
    local found=()
    shopt -s nullglob
    found=("$findings"/default/crashes/id* "$findings"/default/hangs/id*)
    shopt -u nullglob
    if [ ${#found[@]} -gt 0 ]; then
        replay "$target" "${found[@]}" || true
    fi
}

replay() {
    local target="$1"
    shift
    build_plain
    dotnet "$work/replay/TrackerPS.Fuzz.dll" replay "$target" "$@"
}

minimize() {
    local target="$1" input="$2" output="$3"
    [ -f "$work/build/TrackerPS.Fuzz.dll" ] || build_instrumented
    AFL_SKIP_BIN_CHECK=1 afl-tmin -i "$input" -o "$output" -t 5000 -m none -- dotnet "$work/build/TrackerPS.Fuzz.dll" fuzz "$target"
}

case "${1:-}" in
    fuzz) [ $# -eq 3 ] || usage; fuzz "$2" "$3" ;;
    replay) [ $# -ge 3 ] || usage; target="$2"; shift 2; replay "$target" "$@" ;;
    minimize) [ $# -eq 4 ] || usage; minimize "$2" "$3" "$4" ;;
    *) usage ;;
esac
