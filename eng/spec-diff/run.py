#!/usr/bin/env python3
"""Compares `okr score --format json` with ref.py on generated documents (see README.md).

usage: run.py START COUNT [LOGFILE]   documents of seeds START..START+COUNT-1; mismatches go to LOGFILE
       run.py --file FILE ASOF        one document
The CLI is the Release build of src/Okr.Cli, or the okr.dll that OKR_CLI_DLL names."""
import sys, json, subprocess, datetime, os, collections, tempfile
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ref, gen

DLL = os.environ.get("OKR_CLI_DLL") or os.path.join(HERE, "..", "..", "src", "Okr.Cli", "bin", "Release", "net10.0", "okr.dll")
WORK = tempfile.mkdtemp(prefix="okr-spec-diff-")


class N:
    def __init__(self, t):
        self.t = t

    def __repr__(self):
        return self.t


def cli(path, asof):
    p = subprocess.run(["dotnet", DLL, "score", path, "--as-of", asof, "--format", "json"],
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def parse_cli(out):
    return json.loads(out, parse_float=N, parse_int=N)


def dbl_eq(cv, rv):
    if rv is None:
        return cv is None
    if not isinstance(cv, N):
        return False
    if cv.t.startswith("-0") and float(cv.t) == 0:
        return False
    if float(cv.t) != rv:
        return False
    if Decimal(cv.t) != Decimal(repr(rv)):
        # not shortest round-trip / exponent form: flag as text difference
        FMT.append((cv.t, repr(rv)))
    return True


FMT = []


def compare(text, asof):
    """returns (list of diffs, cli json)"""
    path = os.path.join(WORK, "current.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    rc, out, err = cli(path, asof)
    diffs = []
    try:
        c = parse_cli(out)
    except Exception as e:
        return ["CLI output unparsable rc=%s err=%s out=%s" % (rc, err[:300], out[:300])], None
    r = ref.evaluate(text, datetime.date.fromisoformat(asof))
    exp_rc = 1 if r["has_errors"] else 0
    if rc != exp_rc:
        diffs.append("exit code cli=%s ref=%s" % (rc, exp_rc))
    # diagnostics
    cd = collections.Counter((d["code"], d["severity"], d["subject"]) for d in c["diagnostics"])
    rd = collections.Counter(r["diagnostics"])
    if cd != rd:
        diffs.append("diagnostics cli-only=%s ref-only=%s" % (sorted((cd - rd).elements(), key=str), sorted((rd - cd).elements(), key=str)))
    co = c["objectives"]
    ro = r["objectives"]
    if len(co) != len(ro):
        diffs.append("objective count cli=%d ref=%d" % (len(co), len(ro)))
        return diffs, c
    for a, b in zip(co, ro):
        oid = b["id"]
        if a["id"] != oid:
            diffs.append("objective id %s vs %s" % (a["id"], oid))
            continue
        for f in ("score", "elapsed", "expected"):
            if not dbl_eq(a[f], b[f]):
                diffs.append("%s.%s cli=%s ref=%r" % (oid, f, a[f], b[f]))
        for f in ("grade", "status"):
            if a[f] != b[f]:
                diffs.append("%s.%s cli=%s ref=%s" % (oid, f, a[f], b[f]))
        if len(a["keyResults"]) != len(b["keyResults"]):
            diffs.append("%s kr count" % oid)
            continue
        for ka, kb in zip(a["keyResults"], b["keyResults"]):
            kid = kb["id"]
            if ka["id"] != kid:
                diffs.append("kr id %s vs %s" % (ka["id"], kid))
                continue
            for f in ("attainment", "score"):
                if not dbl_eq(ka[f], kb[f]):
                    diffs.append("%s.%s cli=%s ref=%r" % (kid, f, ka[f], kb[f]))
            cur = kb["current"]
            if isinstance(cur, Decimal):
                ct = ka["current"].t if isinstance(ka["current"], N) else ka["current"]
                if ct != ref.fmt_decimal(cur):
                    diffs.append("%s.current cli=%s ref=%s" % (kid, ct, ref.fmt_decimal(cur)))
            elif not dbl_eq(ka["current"], cur):
                diffs.append("%s.current cli=%s ref=%r" % (kid, ka["current"], cur))
            for f in ("grade", "status", "lastCheckIn"):
                if ka[f] != kb[f]:
                    diffs.append("%s.%s cli=%s ref=%s" % (kid, f, ka[f], kb[f]))
            cc = ka["confidence"]
            cc = int(cc.t) if isinstance(cc, N) else cc
            if cc != kb["confidence"] or (isinstance(ka["confidence"], N) and not ka["confidence"].t.isdigit()):
                diffs.append("%s.confidence cli=%s ref=%s" % (kid, ka["confidence"], kb["confidence"]))
    if FMT:
        diffs.append("double format: %s" % FMT[:5])
        del FMT[:]
    return diffs, c


def main():
    if sys.argv[1] == "--file":
        text = open(sys.argv[2], encoding="utf-8-sig").read()
        d, c = compare(text, sys.argv[3])
        print("\n".join(d) or "same")
        return
    start, count = int(sys.argv[1]), int(sys.argv[2])
    log = open(sys.argv[3] if len(sys.argv) > 3 else os.path.join(WORK, "mismatches.txt"), "a")
    nd = 0
    for seed in range(start, start + count):
        text, asof, mut = gen.gen(seed)
        try:
            d, c = compare(text, asof)
        except Exception as e:
            import traceback
            d = ["EXC " + traceback.format_exc()]
        if d:
            nd += 1
            log.write("seed %d asof %s mut %s\n  %s\n" % (seed, asof, mut, "\n  ".join(d)))
            log.flush()
    print("done", start, count, "mismatching docs:", nd, "" if nd == 0 else "(see %s)" % log.name)
    sys.exit(1 if nd else 0)


if __name__ == "__main__":
    main()
