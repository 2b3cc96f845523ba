#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to that project's
# PublicAPI.Unshipped.txt, and drops the ones it reports as gone (RS0017). Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
project="${1:?usage: eng/update-public-api.sh src/Project}"
out=$(dotnet build "$project" --no-incremental 2>&1 || true)
python3 - "$project" <<PY
import re, sys, pathlib
out = '''$(echo "$out" | grep -E "RS0016|RS0017" | sed "s/'''//g")'''
project = pathlib.Path(sys.argv[1])
unshipped = project / "PublicAPI.Unshipped.txt"
lines = [l for l in unshipped.read_text().splitlines() if l.strip()]
header = [l for l in lines if l.startswith("#")]
body = set(l for l in lines if not l.startswith("#"))
for m in re.finditer(r"RS0016: Symbol '(.+?)' is not part of the declared public API", out):
    body.add(m.group(1))
for m in re.finditer(r"RS0017: Symbol '(.+?)' is part of the declared API, but is either not public", out):
    body.discard(m.group(1))
unshipped.write_text("\n".join((header or ["#nullable enable"]) + sorted(body)) + "\n")
print(f"{unshipped}: {len(body)} symbols")
PY
