#!/usr/bin/env bash
# Records a project's public API after a deliberate change: builds the project (src/Runtime unless another folder is
# given, e.g. `build/public-api.sh src/RabbitMQ`) with the API warnings left as warnings, adds every symbol RS0016
# names to its PublicAPI.Unshipped.txt and drops every one RS0017 names (removed API).
# Review the diff of PublicAPI.*.txt before committing: it is the API change.
set -euo pipefail
cd "$(dirname "$0")/.."
project="${1:-src/Runtime}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
timeout 600 dotnet build "$project" -p:TreatWarningsAsErrors=false --no-incremental >"$log" 2>&1 || true
python3 - "$log" "$project" <<'PY'
import re, sys
project = "/" + sys.argv[2].strip("/") + "/"
# Only the diagnostics of this project (a build also builds its references).
text = "\n".join(l for l in open(sys.argv[1]).read().splitlines() if project in l)
added = set(re.findall(r"RS0016: Symbol '(.*?)' is not part of the declared public API", text))
removed = set(re.findall(r"RS0017: Symbol '(.*?)' is part of the declared API, but is either not public or could not be found", text))
path = sys.argv[2].rstrip("/") + "/PublicAPI.Unshipped.txt"
lines = [l for l in open(path).read().splitlines() if l and l != "#nullable enable"]
kept = sorted((set(lines) | added) - removed)
open(path, "w").write("#nullable enable\n" + "".join(l + "\n" for l in kept))
print(f"{len(added)} added, {len(removed)} removed")
PY
