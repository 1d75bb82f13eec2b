#!/usr/bin/env bash
# Records the runtime's public API after a deliberate change: builds src/Runtime with the API warnings left as
# warnings, adds every symbol RS0016 names to PublicAPI.Unshipped.txt and drops every one RS0017 names (removed API).
# Review the diff of PublicAPI.*.txt before committing: it is the API change.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
timeout 600 dotnet build src/Runtime -p:TreatWarningsAsErrors=false --no-incremental >"$log" 2>&1 || true
python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
added = set(re.findall(r"RS0016: Symbol '(.*?)' is not part of the declared public API", text))
removed = set(re.findall(r"RS0017: Symbol '(.*?)' is part of the declared API, but is either not public or could not be found", text))
path = "src/Runtime/PublicAPI.Unshipped.txt"
lines = [l for l in open(path).read().splitlines() if l and l != "#nullable enable"]
kept = sorted((set(lines) | added) - removed)
open(path, "w").write("#nullable enable\n" + "".join(l + "\n" for l in kept))
print(f"{len(added)} added, {len(removed)} removed")
PY
