#!/usr/bin/env python3
"""Independent reference scorer for okr/v1 (written from shared/spec/okr-v1.md only).

evaluate(text, asof_date) -> {"objectives": [...], "diagnostics": [(code, severity, subject), ...], "has_errors": bool}
Numbers in the objective/KR dicts:
  doubles   -> python float (or None)
  decimals  -> python Decimal (current of measured kinds / sum rollups), printed with fmt_decimal
"""
import sys, json, re, datetime, math
from decimal import Decimal, getcontext, InvalidOperation
from fractions import Fraction

getcontext().prec = 200
DEC_MAX = Decimal(79228162514264337593543950335)
TOL = 1e-9

MEASURED = ("increase", "decrease", "atLeast", "atMost", "within", "milestone")
KINDS = ("increase", "decrease", "atLeast", "atMost", "within", "milestone", "checklist", "rollup")
SUM_OK = ("increase", "decrease", "atLeast", "atMost", "within")


class Num:
    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return "Num(%s)" % self.text


class Dup(Exception):
    pass


class BadConst(Exception):
    pass


def _pairs(pairs):
    keys = [k for k, _ in pairs]
    d = {}
    dups = []
    for k, v in pairs:
        if k in d:
            dups.append(k)
        d[k] = v
    if dups:
        d = DupDict(d)
        d.dups = dups
    return d


class DupDict(dict):
    dups = ()


def _const(s):
    raise BadConst(s)


def parse_json(text):
    return json.loads(text, object_pairs_hook=_pairs, parse_float=Num, parse_int=Num, parse_constant=_const)


def fmt_decimal(d):
    """C#-like decimal ToString: keep scale, never exponent."""
    if d is None:
        return None
    if d.is_zero():
        d = abs(d)
    sign, digits, exp = d.as_tuple()
    if exp > 0:
        d = d.quantize(Decimal(1))
    s = format(d, "f")
    return s


MANT_MAX = 2 ** 96 - 1


def dec_add(a, b, rounding=None):
    """C# System.Decimal addition: exact if it fits 96 bits / scale<=28, else rounded once to the largest scale that fits"""
    from decimal import ROUND_HALF_EVEN
    rounding = rounding or ROUND_HALF_EVEN
    s = a + b
    sign, digits, exp = s.as_tuple()
    coef = int("".join(map(str, digits))) if digits else 0
    if coef <= MANT_MAX and -exp <= 28:
        return s
    for scale in range(min(28, -exp), -1, -1):
        q = s.quantize(Decimal(1).scaleb(-scale), rounding=rounding)
        qs, qd, qe = q.as_tuple()
        if int("".join(map(str, qd))) <= MANT_MAX:
            return q
    raise OverflowError("decimal overflow")


def dec_fit(s):
    """round an exact decimal to System.Decimal (96-bit mantissa, scale<=28), half-even, once"""
    from decimal import ROUND_HALF_EVEN
    sign, digits, exp = s.as_tuple()
    coef = int("".join(map(str, digits))) if digits else 0
    if coef <= MANT_MAX and -exp <= 28:
        return s
    for scale in range(min(28, -exp), -1, -1):
        q = s.quantize(Decimal(1).scaleb(-scale), rounding=ROUND_HALF_EVEN)
        qs, qd, qe = q.as_tuple()
        if int("".join(map(str, qd))) <= MANT_MAX:
            return q
    raise OverflowError("decimal overflow")


def d2f(fr):
    """exact fraction -> nearest double; +0 never -0"""
    f = float(fr)
    if f == 0:
        f = 0.0
    return f


# Where the spec is silent (docs/decisions.md): a weight total that overflows to infinity leaves
# sum(w*s) / sum(w) NaN or 0, so every weight of that mean is scaled by 2^RESCALE first (exact).
RESCALE = -64


def weighted_mean(terms):
    """sum(w*s) / sum(w) in doubles, in order (spec section 1); rescaled when the total overflows."""
    for scale in (0, RESCALE):
        num = 0.0
        den = 0.0
        for w, s in terms:
            w = math.ldexp(w, scale)
            num += w * s
            den += w
        if not math.isinf(den):
            break
    return num / den


def clamp01(x):
    if x < 0:
        return 0.0
    if x > 1:
        return 1.0
    if x == 0:
        return 0.0
    return x


DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(s):
    if not isinstance(s, str) or not DATE_RE.match(s):
        return None
    try:
        return datetime.date(int(s[0:4]), int(s[5:7]), int(s[8:10]))
    except ValueError:
        return None


DEFAULT_SETTINGS = dict(aspirationalTarget=0.7, onTrackGap=0.15, atRiskGap=0.30, lowConfidence=3,
                        staleAfterDays=14, objectiveStatus="pace",
                        scale=[(0.0, "red"), (0.3, "yellow"), (0.7, "green")],
                        limits=dict(maxObjectivesPerOwner=5, minKeyResults=2, maxKeyResults=5, maxDepth=10),
                        rules={})

DEFAULT_SEV = {"OKR101": "warning", "OKR102": "warning", "OKR103": "warning", "OKR104": "warning",
               "OKR105": "warning", "OKR106": "warning", "OKR107": "warning", "OKR108": "warning",
               "OKR109": "warning", "OKR201": "warning", "OKR202": "warning", "OKR203": "warning",
               "OKR204": "warning", "OKR205": "warning", "OKR206": "info", "OKR207": "warning"}

VAGUE = ["at least", "at most", "above", "below", "more than", "less than", "up to", "around", "approximately"]
VAGUE_RE = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(v.replace(" ", r"\s+") for v in VAGUE) + r")(?![A-Za-z0-9_])", re.I)
TASK_VERBS = set("implement launch build create complete conduct run deploy ship write develop hold organize release migrate finish".split())


class Ctx:
    def __init__(self):
        self.diags = []

    def add(self, code, subject, msg=""):
        self.diags.append((code, subject, msg))


def is_num(v):
    return isinstance(v, Num)


def num_int(v):
    """integer value of a Num if it is integral, else None"""
    try:
        d = Decimal(v.text)
    except InvalidOperation:
        return None
    if d != d.to_integral_value():
        return None
    return int(d)


def blank(s):
    return s.strip() == ""


def good_id(v):
    return isinstance(v, str) and not blank(v) and len(v.encode("utf-16-le")) // 2 <= 200


def evaluate(text, asof):
    ctx = Ctx()
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        doc = parse_json(text)
    except BadConst:
        ctx.add("OKR001", None)
        return finish(ctx, None, asof, None)
    except (ValueError, RecursionError):
        ctx.add("OKR001", None)
        return finish(ctx, None, asof, None)
    model = validate(doc, ctx)
    return finish(ctx, model, asof, doc)


# ----------------------------------------------------------------------------------------------- validation

class Model:
    pass


def check_fields(ctx, obj, allowed, required, subject, where):
    """unknown / missing fields, duplicate members; returns False if obj is not an object"""
    if not isinstance(obj, dict):
        ctx.add("OKR002", subject, "%s is not an object" % where)
        return False
    for k in getattr(obj, "dups", ()):
        ctx.add("OKR002", subject, "duplicate member %s in %s" % (k, where))
    for k in obj:
        if k not in allowed:
            ctx.add("OKR002", subject, "unknown field %s in %s" % (k, where))
    for k in required:
        if obj.get(k) is None:
            ctx.add("OKR002", subject, "missing %s in %s" % (k, where))
    return True


def get_opt(obj, k):
    v = obj.get(k)
    return v


def v_id(ctx, v, subject, where):
    if v is None:
        return None
    if not isinstance(v, str):
        ctx.add("OKR002", subject, "id not a string " + where)
        return None
    if blank(v):
        ctx.add("OKR002", subject, "blank id " + where)
        return None
    if len(v.encode("utf-16-le")) // 2 > 200:
        ctx.add("OKR002", subject, "long id " + where)
        return None
    return v


def v_title(ctx, v, subject, where):
    if v is None:
        return None
    if not isinstance(v, str):
        ctx.add("OKR002", subject, "title not string " + where)
        return None
    if blank(v):
        ctx.add("OKR002", subject, "blank title " + where)
        return v
    if len(v.encode("utf-16-le")) // 2 > 500:
        ctx.add("OKR002", subject, "long title " + where)
    return v


def v_date(ctx, v, subject, where, nullable=False):
    if v is None:
        return None
    d = parse_date(v)
    if d is None:
        ctx.add("OKR002", subject, "bad date " + where)
    return d


def v_decimal(ctx, v, subject, where):
    if v is None:
        return None
    if not is_num(v):
        ctx.add("OKR002", subject, "not a number " + where)
        return None
    d = Decimal(v.text)
    if abs(d) > DEC_MAX:
        ctx.add("OKR005", subject, "decimal out of range " + where)
        return None
    return d


def v_weight(ctx, v, subject, where):
    if v is None:
        return 1.0
    if not is_num(v):
        ctx.add("OKR002", subject, "weight not a number " + where)
        return None
    f = float(v.text)
    if math.isinf(f) or f < 0:
        ctx.add("OKR005", subject, "bad weight " + where)
        return None
    if f == 0:
        f = 0.0
    return f


def v_str(ctx, v, subject, where):
    if v is None:
        return None
    if not isinstance(v, str):
        ctx.add("OKR002", subject, "not a string " + where)
        return None
    return v


def v_enum(ctx, v, allowed, default, subject, where):
    if v is None:
        return default
    if not isinstance(v, str) or v not in allowed:
        ctx.add("OKR002", subject, "bad enum " + where)
        return None
    return v


def v_list(ctx, v, subject, where):
    if v is None:
        return []
    if not isinstance(v, list):
        ctx.add("OKR002", subject, "not a list " + where)
        return []
    return v


def validate(doc, ctx):
    m = Model()
    m.ok_struct = True
    if not check_fields(ctx, doc, {"schema", "settings", "periods", "owners", "objectives"},
                        ["schema", "periods", "owners", "objectives"], None, "document"):
        return None
    if doc.get("schema") is not None and doc.get("schema") != "okr/v1":
        ctx.add("OKR002", None, "schema")
    m.settings = v_settings(ctx, doc.get("settings"))

    # periods
    m.periods = {}
    m.period_list = []
    seen = set()
    for i, p in enumerate(v_list(ctx, doc.get("periods"), None, "periods")):
        pid_raw = p.get("id") if isinstance(p, dict) else None
        subj = pid_raw if good_id(pid_raw) else None
        if not check_fields(ctx, p, {"id", "start", "end"}, ["id", "start", "end"], subj, "period"):
            continue
        pid = v_id(ctx, p.get("id"), subj, "period id")
        s = v_date(ctx, p.get("start"), subj, "period start")
        e = v_date(ctx, p.get("end"), subj, "period end")
        if pid is not None:
            if pid in seen:
                ctx.add("OKR003", pid, "dup period")
                continue
            seen.add(pid)
            if s and e and e < s:
                ctx.add("OKR007", pid, "end<start")
            m.periods[pid] = (s, e)
            m.period_list.append(pid)

    # owners
    m.owners = {}
    m.owner_list = []
    seen = set()
    for i, o in enumerate(v_list(ctx, doc.get("owners"), None, "owners")):
        oid_raw = o.get("id") if isinstance(o, dict) else None
        subj = oid_raw if good_id(oid_raw) else None
        if not check_fields(ctx, o, {"id", "name", "parent"}, ["id"], subj, "owner"):
            continue
        oid = v_id(ctx, o.get("id"), subj, "owner id")
        v_str(ctx, o.get("name"), subj, "owner name")
        parent = v_str(ctx, o.get("parent"), subj, "owner parent")
        if oid is not None:
            if oid in seen:
                ctx.add("OKR003", oid, "dup owner")
                continue
            seen.add(oid)
            m.owners[oid] = parent
            m.owner_list.append(oid)
    for oid in m.owner_list:
        p = m.owners[oid]
        if p is not None and p not in m.owners:
            ctx.add("OKR004", oid, "unknown parent owner")
    # owner parent cycles
    for cyc_subject in owner_cycles(m):
        ctx.add("OKR008", cyc_subject, "owner cycle")

    # objectives & KRs
    m.objectives = []  # list of dicts
    m.items = {}  # id -> ("o", obj) or ("k", kr)
    m.order = {}  # id -> document order index
    idx = 0
    seen_ids = set()
    for i, o in enumerate(v_list(ctx, doc.get("objectives"), None, "objectives")):
        oid_raw = o.get("id") if isinstance(o, dict) else None
        osubj = oid_raw if good_id(oid_raw) else None
        if not check_fields(ctx, o, {"id", "title", "owner", "period", "commitment", "progressFrom", "alignsTo", "keyResults"},
                            ["id", "title", "owner", "period"], osubj, "objective"):
            continue
        ob = dict(kind="o")
        ob["id"] = v_id(ctx, o.get("id"), osubj, "objective id")
        ob["title"] = v_title(ctx, o.get("title"), osubj, "objective title")
        ob["owner"] = v_str(ctx, o.get("owner"), osubj, "owner")
        ob["period"] = v_str(ctx, o.get("period"), osubj, "period")
        ob["commitment"] = v_enum(ctx, o.get("commitment"), ("aspirational", "committed"), "aspirational", osubj, "commitment")
        ob["progressFrom"] = v_enum(ctx, o.get("progressFrom"), ("keyResults", "children", "both"), "keyResults", osubj, "progressFrom")
        ob["alignsTo"] = v_links(ctx, o.get("alignsTo"), osubj, obj=True)
        ob["krs"] = []
        if ob["owner"] is not None and ob["owner"] not in m.owners:
            ctx.add("OKR004", osubj, "unknown owner")
            ob["owner"] = None
        if ob["period"] is not None and ob["period"] not in m.periods:
            ctx.add("OKR004", osubj, "unknown period")
            ob["period"] = None
        if ob["id"] is not None:
            if ob["id"] in seen_ids:
                ctx.add("OKR003", ob["id"], "dup id")
                ob["dup"] = True
            else:
                seen_ids.add(ob["id"])
                m.items[ob["id"]] = ob
                m.order[ob["id"]] = idx
        idx += 1
        m.objectives.append(ob)
        for j, k in enumerate(v_list(ctx, o.get("keyResults"), osubj, "keyResults")):
            kr = v_kr(ctx, k, osubj)
            if kr is None:
                continue
            kr["obj"] = ob
            if kr["id"] is not None:
                if kr["id"] in seen_ids:
                    ctx.add("OKR003", kr["id"], "dup id")
                    kr["dup"] = True
                else:
                    seen_ids.add(kr["id"])
                    m.items[kr["id"]] = kr
                    m.order[kr["id"]] = idx
            idx += 1
            ob["krs"].append(kr)

    # references
    m.parents = {}  # item id -> list of (target id, weight)
    for ob in m.objectives:
        for it in [ob] + ob["krs"]:
            subj = it["id"]
            links = []
            for (tk, tid, w) in it["alignsTo"]:
                t = m.items.get(tid)
                if t is None:
                    ctx.add("OKR004", subj, "unknown %s %s" % (tk, tid))
                    continue
                if (tk == "objective") != (t["kind"] == "o"):
                    ctx.add("OKR004", subj, "wrong kind %s %s" % (tk, tid))
                    continue
                links.append((tid, w))
            it["links"] = links

    # cycles
    for subj in item_cycles(m):
        ctx.add("OKR008", subj, "cycle")

    # KR definitions that depend on graph: sum contributors
    for ob in m.objectives:
        for it in [ob] + ob["krs"]:
            for (tid, w) in it.get("links", []):
                t = m.items[tid]
                if t["kind"] == "k" and t.get("k") == "rollup" and t.get("aggregate") == "sum":
                    okc = it["kind"] == "k" and (it.get("k") in SUM_OK or (it.get("k") == "rollup" and it.get("aggregate") == "sum"))
                    if it["kind"] == "k" and it.get("k") is None:
                        okc = True  # unknown kind: not checked
                    if not okc:
                        ctx.add("OKR006", tid, "bad sum contributor %s" % it["id"])
    m.ok = True
    return m


def owner_cycles(m):
    res = []
    done = set()
    for start in m.owner_list:
        path = []
        cur = start
        pos = {}
        while cur is not None and cur in m.owners and cur not in done and cur not in pos:
            pos[cur] = len(path)
            path.append(cur)
            cur = m.owners[cur]
        if cur is not None and cur in pos:
            cyc = path[pos[cur]:]
            res.append(min(cyc, key=m.owner_list.index))
        done.update(path)
    return res


def item_cycles(m):
    # graph edges child->parent (alignments) + KR -> its objective
    nodes = sorted(m.items, key=lambda i: m.order[i])
    adj = {n: [] for n in nodes}
    selfloops = []
    for n in nodes:
        it = m.items[n]
        for (tid, w) in it.get("links", []):
            if tid == n:
                selfloops.append(n)
            else:
                adj[n].append(tid)
        if it["kind"] == "k" and it["obj"].get("id") in m.items and m.items[it["obj"]["id"]] is it["obj"]:
            adj[n].append(it["obj"]["id"])
    # tarjan iterative
    index = {}
    low = {}
    onst = set()
    st = []
    sccs = []
    c = [0]
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = c[0]
                c[0] += 1
                st.append(v)
                onst.add(v)
            recurse = False
            for j in range(i, len(adj[v])):
                w = adj[v][j]
                if w not in index:
                    work.append((v, j + 1))
                    work.append((w, 0))
                    recurse = True
                    break
                elif w in onst:
                    low[v] = min(low[v], index[w])
            if recurse:
                continue
            if low[v] == index[v]:
                comp = []
                while True:
                    w = st.pop()
                    onst.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                sccs.append(comp)
            if work:
                u = work[-1][0]
                low[u] = min(low[u], low[v])
    res = []
    for comp in sccs:
        if len(comp) > 1:
            res.append(min(comp, key=lambda i: m.order[i]))
    res.extend(selfloops)
    return res


def v_links(ctx, v, subj, obj):
    out = []
    seen = set()
    for l in v_list(ctx, v, subj, "alignsTo"):
        allowed = {"objective", "keyResult", "weight"} if obj else {"keyResult", "weight"}
        if not check_fields(ctx, l, allowed, [], subj, "alignsTo"):
            continue
        keys = [k for k in ("objective", "keyResult") if l.get(k) is not None and k in allowed]
        if len(keys) != 1:
            if not (len(keys) == 0 and any(k in l and k not in allowed for k in ("objective",))):
                ctx.add("OKR002", subj, "link needs exactly one target")
            continue
        tk = keys[0]
        tid = l.get(tk)
        if not isinstance(tid, str):
            ctx.add("OKR002", subj, "link id type")
            continue
        w = v_weight(ctx, l.get("weight"), subj, "link weight")
        if (tk, tid) in seen:
            ctx.add("OKR002", subj, "same link twice")
            continue
        seen.add((tk, tid))
        # a link with a bad weight still names its target: references and cycles are checked all the same
        # (every finding is reported, section 7); the document is invalid, so the weight is never used
        out.append((tk, tid, 0.0 if w is None else w))
    return out


KR_FIELDS = {
    "increase": {"baseline", "target"},
    "decrease": {"baseline", "target"},
    "atLeast": {"threshold"},
    "atMost": {"threshold"},
    "within": {"min", "max"},
    "milestone": set(),
    "checklist": {"items"},
    "rollup": {"aggregate", "baseline", "target"},
}
KR_COMMON = {"id", "title", "kind", "weight", "checkIns", "alignsTo"}


def v_kr(ctx, k, osubj):
    kid_raw = k.get("id") if isinstance(k, dict) else None
    subj = kid_raw if good_id(kid_raw) else osubj
    if not isinstance(k, dict):
        ctx.add("OKR002", osubj, "kr not object")
        return None
    for d in getattr(k, "dups", ()):
        ctx.add("OKR002", subj, "dup member")
    kind = k.get("kind")
    kr = dict(kind="k", k=None)
    for f in ("id", "title", "kind"):
        if k.get(f) is None:
            ctx.add("OKR002", subj, "missing " + f)
    kr["id"] = v_id(ctx, k.get("id"), subj, "kr id")
    kr["title"] = v_title(ctx, k.get("title"), subj, "kr title")
    kr["weight"] = v_weight(ctx, k.get("weight"), subj, "kr weight")
    kr["alignsTo"] = v_links(ctx, k.get("alignsTo"), subj, obj=False)
    known = kind in KINDS
    if kind is not None and not known:
        ctx.add("OKR002", subj, "unknown kind")
    if known:
        kr["k"] = kind
        allowed = KR_COMMON | KR_FIELDS[kind]
        if kind == "rollup":
            agg = k.get("aggregate")
            if agg == "mean":
                allowed = KR_COMMON | {"aggregate"}
        for f in k:
            if f not in allowed:
                ctx.add("OKR002", subj, "field %s not allowed on %s" % (f, kind))
    # unknown kind: its other fields are not checked (spec 8)
    # check-ins
    cis = []
    raw_cis = k.get("checkIns")
    for c in v_list(ctx, raw_cis, subj, "checkIns"):
        if not check_fields(ctx, c, {"at", "value", "confidence", "note"}, ["at", "value"], subj, "checkIn"):
            continue
        at = v_date(ctx, c.get("at"), subj, "checkIn at")
        val = v_decimal(ctx, c.get("value"), subj, "checkIn value")
        conf = c.get("confidence")
        cv = None
        if conf is not None:
            if not is_num(conf):
                ctx.add("OKR002", subj, "confidence type")
            else:
                ci = num_int(conf)
                if ci is None or ci < 0 or ci > 10:
                    ctx.add("OKR005", subj, "confidence")
                else:
                    cv = ci
        v_str(ctx, c.get("note"), subj, "note")
        cis.append(dict(at=at, value=val, confidence=cv))
    kr["checkIns"] = cis
    if not known:
        return kr
    bad = False

    def need_dec(f):
        v = k.get(f)
        if v is None:
            ctx.add("OKR002", subj, "missing " + f)
            return None
        return v_decimal(ctx, v, subj, f)

    if kind in ("increase", "decrease"):
        b = need_dec("baseline")
        t = need_dec("target")
        kr["baseline"], kr["target"] = b, t
        if b is not None and t is not None:
            if kind == "increase" and not t > b:
                ctx.add("OKR006", subj, "increase needs target>baseline")
            if kind == "decrease" and not t < b:
                ctx.add("OKR006", subj, "decrease needs target<baseline")
    elif kind in ("atLeast", "atMost"):
        kr["threshold"] = need_dec("threshold")
    elif kind == "within":
        lo = need_dec("min")
        hi = need_dec("max")
        kr["min"], kr["max"] = lo, hi
        if lo is not None and hi is not None and lo > hi:
            ctx.add("OKR006", subj, "min>max")
    elif kind == "milestone":
        for c in cis:
            if c["value"] is not None and c["value"] not in (0, 1):
                ctx.add("OKR006", subj, "milestone value")
                break
    elif kind == "checklist":
        if raw_cis:
            ctx.add("OKR006", subj, "checkins on checklist")
        items = k.get("items")
        its = []
        if items is None:
            ctx.add("OKR002", subj, "missing items")
        elif not isinstance(items, list):
            ctx.add("OKR002", subj, "items type")
        else:
            for it in items:
                if not check_fields(ctx, it, {"title", "weight", "doneOn"}, [], subj, "item"):
                    continue
                t = it.get("title")
                if t is None:
                    ctx.add("OKR006", subj, "item title missing")
                elif not isinstance(t, str):
                    ctx.add("OKR002", subj, "item title type")
                elif blank(t):
                    ctx.add("OKR006", subj, "item title blank")
                w = v_weight(ctx, it.get("weight"), subj, "item weight")
                dn = v_date(ctx, it.get("doneOn"), subj, "doneOn")
                its.append(dict(weight=w if w is not None else 0.0, doneOn=dn))
            if not (1 <= len(items) <= 100):
                ctx.add("OKR006", subj, "items count")
            elif len(its) == len(items) and all(x["weight"] is not None for x in its):
                tw = 0.0
                for x in its:
                    tw += x["weight"]
                if not tw > 0:
                    ctx.add("OKR006", subj, "total weight")
        kr["items"] = its
    elif kind == "rollup":
        if raw_cis:
            ctx.add("OKR006", subj, "checkins on rollup")
        agg = v_enum(ctx, k.get("aggregate"), ("mean", "sum"), None, subj, "aggregate")
        if k.get("aggregate") is None:
            ctx.add("OKR002", subj, "missing aggregate")
        kr["aggregate"] = agg
        if agg == "sum":
            b = need_dec("baseline")
            t = need_dec("target")
            kr["baseline"], kr["target"] = b, t
            if b is not None and t is not None and b == t:
                ctx.add("OKR006", subj, "sum target==baseline")
    return kr


def v_settings(ctx, s):
    st = dict(DEFAULT_SETTINGS)
    st["limits"] = dict(DEFAULT_SETTINGS["limits"])
    st["rules"] = {}
    if s is None:
        return st
    if not check_fields(ctx, s, {"aspirationalTarget", "onTrackGap", "atRiskGap", "lowConfidence", "staleAfterDays",
                                 "objectiveStatus", "scale", "limits", "rules"}, [], None, "settings"):
        return st

    def dbl(name):
        v = s.get(name)
        if v is None:
            return None
        if not is_num(v):
            ctx.add("OKR002", None, "type " + name)
            return None
        f = float(v.text)
        if math.isinf(f):
            ctx.add("OKR009", None, name)
            return None
        return f

    def integer(name, lo, hi=None):
        v = s.get(name)
        if v is None:
            return None
        if not is_num(v):
            ctx.add("OKR002", None, "type " + name)
            return None
        i = num_int(v)
        if i is None or i < lo or (hi is not None and i > hi):
            ctx.add("OKR009", None, name)
            return None
        return i

    a = dbl("aspirationalTarget")
    if a is not None:
        if not (0 < a <= 1):
            ctx.add("OKR009", None, "aspirationalTarget")
        else:
            st["aspirationalTarget"] = a
    on = dbl("onTrackGap")
    ar = dbl("atRiskGap")
    on_v = on if on is not None else 0.15
    ar_v = ar if ar is not None else 0.30
    if (on is not None or ar is not None):
        if not (0 <= on_v <= ar_v <= 1):
            ctx.add("OKR009", None, "gaps")
        else:
            st["onTrackGap"], st["atRiskGap"] = on_v, ar_v
    lc = integer("lowConfidence", 0, 10)
    if lc is not None:
        st["lowConfidence"] = lc
    sa = integer("staleAfterDays", 0)
    if sa is not None:
        st["staleAfterDays"] = sa
    os_ = v_enum(ctx, s.get("objectiveStatus"), ("pace", "worst"), "pace", None, "objectiveStatus")
    if os_:
        st["objectiveStatus"] = os_
    sc = s.get("scale")
    if sc is not None:
        if not isinstance(sc, list):
            ctx.add("OKR002", None, "scale type")
        else:
            bands = []
            okk = True
            for b in sc:
                if not check_fields(ctx, b, {"from", "label"}, ["from", "label"], None, "scale"):
                    okk = False
                    continue
                f = b.get("from")
                lab = b.get("label")
                if f is None or lab is None:
                    okk = False
                    continue
                if not is_num(f) or not isinstance(lab, str):
                    ctx.add("OKR002", None, "scale types")
                    okk = False
                    continue
                bands.append((float(f.text), lab))
            if okk:
                good = len(bands) >= 1 and bands[0][0] == 0
                for i in range(1, len(bands)):
                    if not bands[i][0] > bands[i - 1][0]:
                        good = False
                if any(not (0 <= f <= 1) for f, _ in bands):
                    good = False
                labs = [l for _, l in bands]
                if any(blank(l) for l in labs) or len(set(labs)) != len(labs):
                    good = False
                if not good:
                    ctx.add("OKR009", None, "scale")
                else:
                    st["scale"] = bands
    lim = s.get("limits")
    if lim is not None:
        if check_fields(ctx, lim, {"maxObjectivesPerOwner", "minKeyResults", "maxKeyResults", "maxDepth"}, [], None, "limits"):
            for kk in ("maxObjectivesPerOwner", "minKeyResults", "maxKeyResults", "maxDepth"):
                v = lim.get(kk)
                if v is None:
                    continue
                if not is_num(v):
                    ctx.add("OKR002", None, "limit type")
                    continue
                i = num_int(v)
                if i is None or i < 1:
                    ctx.add("OKR009", None, "limit " + kk)
                else:
                    st["limits"][kk] = i
    rules = s.get("rules")
    if rules is not None:
        if check_fields(ctx, rules, set(rules.keys()) if isinstance(rules, dict) else set(), [], None, "rules"):
            for kk, vv in rules.items():
                if kk not in DEFAULT_SEV:
                    ctx.add("OKR009", None, "rule key " + kk)
                    continue
                if vv is None:
                    continue
                if not isinstance(vv, str) or vv not in ("off", "info", "warning", "error"):
                    ctx.add("OKR009", None, "rule sev")
                    continue
                st["rules"][kk] = vv
    return st


# ----------------------------------------------------------------------------------------------- evaluation

def finish(ctx, m, asof, doc):
    diags = []
    has_err = False
    for code, subj, msg in ctx.diags:
        diags.append((code, "error", subj))
        has_err = True
    objectives = []
    if not has_err and m is not None:
        ev = Evaluator(m, asof)
        objectives = ev.report()
        rules_sev = m.settings["rules"]
        for code, subj in quality(m, ev, asof):
            sev = rules_sev.get(code, DEFAULT_SEV[code])
            if sev == "off":
                continue
            diags.append((code, sev, subj))
            if sev == "error":
                has_err = True
        if has_err:
            objectives = []
    return dict(objectives=objectives, diagnostics=diags, has_errors=has_err)


def days_between(a, b):
    return (b - a).days


class Evaluator:
    def __init__(self, m, asof):
        self.m = m
        self.d = asof
        self.st = m.settings
        # children maps: parent id -> list of (child id, weight) in document order of child
        self.children = {}
        order = sorted(m.items, key=lambda i: m.order[i])
        for cid in order:
            for (tid, w) in m.items[cid]["links"]:
                self.children.setdefault(tid, []).append((cid, w))
        self.cache = {}

    def sstar(self, ob):
        return 1.0 if ob["commitment"] == "committed" else self.st["aspirationalTarget"]

    def latest(self, kr):
        best = None
        for c in kr["checkIns"]:
            if c["at"] <= self.d:
                if best is None or c["at"] >= best["at"]:
                    best = c
        return best

    # returns dict(current(Decimal|float|None), attainment(float|None), score(float|None), pending(bool))
    def kr_eval(self, kid):
        if kid in self.cache:
            return self.cache[kid]
        kr = self.m.items[kid]
        k = kr["k"]
        r = {}
        lt = None
        if k in MEASURED:
            lt = self.latest(kr)
            r["pending"] = lt is None
            cur = lt["value"] if lt else None
            if k in ("increase", "decrease"):
                if cur is None:
                    cur = kr["baseline"]
                att = d2f(Fraction(cur - kr["baseline"]) / Fraction(kr["target"] - kr["baseline"]))
            elif k == "atLeast":
                att = 0.0 if cur is None else (1.0 if cur >= kr["threshold"] else 0.0)
            elif k == "atMost":
                att = 0.0 if cur is None else (1.0 if cur <= kr["threshold"] else 0.0)
            elif k == "within":
                att = 0.0 if cur is None else (1.0 if kr["min"] <= cur <= kr["max"] else 0.0)
            elif k == "milestone":
                if cur is None:
                    cur = Decimal(0)
                att = d2f(Fraction(cur))
            r["current"] = cur
            r["attainment"] = att
            r["score"] = clamp01(att)
        elif k == "checklist":
            # done weight / total weight: the weighted mean of 1 (done) and 0 (not yet), rescaled the same way
            v = weighted_mean([(it["weight"], 1.0 if it["doneOn"] is not None and it["doneOn"] <= self.d else 0.0)
                               for it in kr["items"]])
            if v == 0:
                v = 0.0
            r["current"] = v
            r["attainment"] = v
            r["score"] = clamp01(v)
            r["pending"] = False
        elif k == "rollup":
            ch = self.children.get(kid, [])
            if kr["aggregate"] == "mean":
                terms = []
                counted = []
                for cid, w in ch:
                    if not w > 0:
                        continue
                    s = self.score_of(cid)
                    if s is None:
                        continue
                    terms.append((w, s))
                    counted.append(cid)
                if counted:
                    sc = weighted_mean(terms)
                    if sc == 0:
                        sc = 0.0
                else:
                    sc = None
                r["current"] = None
                r["attainment"] = sc
                r["score"] = sc
                r["pending"] = all(self.pending_of(c) for c in counted)
            else:
                tot = None
                counted = []
                for cid, w in ch:
                    if not w > 0:
                        continue
                    c = self.m.items[cid]
                    if c["kind"] != "k":
                        continue
                    cur = self.kr_eval(cid)["current"]
                    if cur is None:
                        continue
                    tot = cur if tot is None else tot + cur  # exact; rounded once below
                    counted.append(cid)
                if tot is None:
                    tot = kr["baseline"]
                try:
                    tot = dec_fit(tot)
                except OverflowError:
                    r["overflow"] = True
                att = d2f(Fraction(tot - kr["baseline"]) / Fraction(kr["target"] - kr["baseline"]))
                r["current"] = tot
                r["attainment"] = att
                r["score"] = clamp01(att)
                r["pending"] = all(self.pending_of(c) for c in counted)
        r["latest"] = lt
        self.cache[kid] = r
        return r

    def score_of(self, iid):
        it = self.m.items[iid]
        if it["kind"] == "k":
            return self.kr_eval(iid)["score"]
        return self.obj_eval(iid)["score"]

    def pending_of(self, iid):
        it = self.m.items[iid]
        if it["kind"] == "k":
            return self.kr_eval(iid)["pending"]
        return self.obj_eval(iid)["pending"]

    def obj_eval(self, oid):
        key = ("o", oid)
        if key in self.cache:
            return self.cache[key]
        ob = self.m.items[oid]
        pf = ob["progressFrom"]
        terms = []
        counted = []
        if pf in ("keyResults", "both"):
            for kr in ob["krs"]:
                w = kr["weight"]
                if not w > 0:
                    continue
                s = self.kr_eval(kr["id"])["score"]
                if s is None:
                    continue
                terms.append((w, s))
                counted.append(kr["id"])
        if pf in ("children", "both"):
            for cid, w in self.children.get(oid, []):
                if self.m.items[cid]["kind"] != "o":
                    continue
                if not w > 0:
                    continue
                s = self.obj_eval(cid)["score"]
                if s is None:
                    continue
                terms.append((w, s))
                counted.append(cid)
        sc = weighted_mean(terms) if counted else None
        if sc is not None and sc == 0:
            sc = 0.0
        r = dict(score=sc, counted=counted, pending=all(self.pending_of(c) for c in counted))
        self.cache[key] = r
        return r

    def elapsed(self, ob):
        s, e = self.m.periods[ob["period"]]
        days = (e - s).days + 1
        x = ((self.d - s).days + 1) / days
        return clamp01(x)

    def grade(self, x):
        if x is None:
            return None
        g = None
        for f, lab in self.st["scale"]:
            if x >= f - TOL:
                g = lab
        return g

    def base_status(self, x, ob, pending):
        s, e = self.m.periods[ob["period"]]
        ss = self.sstar(ob)
        if self.d < s:
            return "notStarted", False
        if x is None:
            return "pending", False
        if self.d > e:
            return ("met" if x >= ss - TOL else "missed"), False
        if pending:
            return "pending", False
        if x >= 1 - TOL:
            return "achieved", True
        expected = self.elapsed(ob) * ss
        gap = x - expected
        if gap >= -self.st["onTrackGap"] - TOL:
            return "onTrack", True
        if gap >= -self.st["atRiskGap"] - TOL:
            return "atRisk", True
        return "offTrack", True

    def kr_status(self, kid):
        key = ("ks", kid)
        if key in self.cache:
            return self.cache[key]
        kr = self.m.items[kid]
        r = self.kr_eval(kid)
        st, _ = self.base_status(r["score"], kr["obj"], r["pending"])
        if st == "onTrack" and r["latest"] is not None and r["latest"]["confidence"] is not None \
                and r["latest"]["confidence"] <= self.st["lowConfidence"]:
            st = "atRisk"
        self.cache[key] = st
        return st

    def obj_status(self, oid):
        key = ("os", oid)
        if key in self.cache:
            return self.cache[key]
        ob = self.m.items[oid]
        r = self.obj_eval(oid)
        st, pace = self.base_status(r["score"], ob, r["pending"])
        if pace and self.st["objectiveStatus"] == "worst":
            rank = {"offTrack": 0, "atRisk": 1, "onTrack": 2, "achieved": 3}
            best = None
            for c in r["counted"]:
                cs = self.kr_status(c) if self.m.items[c]["kind"] == "k" else self.obj_status(c)
                cs = {"met": "achieved", "missed": "offTrack"}.get(cs, cs)
                if cs in rank:
                    if best is None or rank[cs] < rank[best]:
                        best = cs
            if best is not None:
                st = best
        self.cache[key] = st
        return st

    def report(self):
        out = []
        for ob in self.m.objectives:
            oid = ob["id"]
            r = self.obj_eval(oid)
            el = self.elapsed(ob)
            o = dict(id=oid, score=r["score"], grade=self.grade(r["score"]), status=self.obj_status(oid),
                     elapsed=el, expected=el * self.sstar(ob), keyResults=[])
            for kr in ob["krs"]:
                kid = kr["id"]
                e = self.kr_eval(kid)
                lt = e["latest"] if kr["k"] in MEASURED else None
                o["keyResults"].append(dict(
                    id=kid, current=e["current"], attainment=e["attainment"], score=e["score"],
                    grade=self.grade(e["score"]), status=self.kr_status(kid),
                    confidence=lt["confidence"] if lt else None,
                    lastCheckIn=lt["at"].isoformat() if lt else None, kind=kr["k"]))
            out.append(o)
        return out


# ----------------------------------------------------------------------------------------------- quality rules

def quality(m, ev, d):
    st = m.settings
    lim = st["limits"]
    res = []
    # OKR101
    cnt = {}
    for ob in m.objectives:
        cnt.setdefault((ob["owner"], ob["period"]), []).append(ob)
    for (own, per), obs in cnt.items():
        if len(obs) > lim["maxObjectivesPerOwner"]:
            res.append(("OKR101", own))
    for ob in m.objectives:
        n = len(ob["krs"])
        if ob["progressFrom"] in ("keyResults", "both") and n == 0:
            res.append(("OKR102", ob["id"]))
        if 1 <= n < lim["minKeyResults"]:
            res.append(("OKR103", ob["id"]))
        if n > lim["maxKeyResults"]:
            res.append(("OKR104", ob["id"]))
        if m.owners.get(ob["owner"]) is not None and not ob["alignsTo"]:
            res.append(("OKR105", ob["id"]))
        if ob["progressFrom"] == "children" and n > 0:
            res.append(("OKR108", ob["id"]))
        if re.search(r"\d", ob["title"] or ""):
            res.append(("OKR201", ob["id"]))
        # OKR107
        ps, pe = m.periods[ob["period"]]
        for (tid, w) in ob["links"]:
            t = m.items[tid]
            tob = t if t["kind"] == "o" else t["obj"]
            ts, te = m.periods[tob["period"]]
            if pe < ts or te < ps:
                res.append(("OKR107", ob["id"]))
        for kr in ob["krs"]:
            title = kr["title"] or ""
            if VAGUE_RE.search(title):
                res.append(("OKR202", kr["id"]))
            if kr["k"] in ("milestone", "checklist"):
                w = title.split()
                if w and w[0].strip(".,;:!?\"'()[]").lower() in TASK_VERBS:
                    res.append(("OKR203", kr["id"]))
            if any(c["at"] < ps or c["at"] > pe for c in kr["checkIns"]):
                res.append(("OKR109", kr["id"]))
            if kr["k"] in MEASURED and ps <= d <= pe:
                lt = ev.latest(kr)
                base = lt["at"] if lt else ps
                if (d - base).days > st["staleAfterDays"]:
                    res.append(("OKR204", kr["id"]))
        if ob["commitment"] == "committed" and ev.obj_status(ob["id"]) == "missed":
            res.append(("OKR205", ob["id"]))
    # OKR206
    for (own, per), obs in cnt.items():
        ps, pe = m.periods[per]
        if d > pe:
            sc = [ev.obj_eval(o["id"])["score"] for o in obs if o["commitment"] == "aspirational"]
            sc = [s for s in sc if s is not None]
            if len(sc) >= 2:
                tot = 0.0
                for s in sc:
                    tot += s
                if tot / len(sc) >= 0.9 - TOL:
                    res.append(("OKR206", own))
    # OKR207
    for (own, per), obs in cnt.items():
        seen = set()
        for o in obs:
            t = (o["title"] or "").lower()
            if t in seen:
                res.append(("OKR207", o["id"]))
            seen.add(t)
    # OKR106: longest chain of objective->objective / objective->KR links (through KR's objective)
    res.extend(depth_rule(m, lim["maxDepth"]))
    return res


def depth_rule(m, maxd):
    # length of the longest upward chain starting at objective o, counting objective->X links;
    # a link to a KR continues from the KR's objective.
    memo = {}

    def up(oid):
        if oid in memo:
            return memo[oid]
        ob = m.items[oid]
        best = 0
        for (tid, w) in ob["links"]:
            t = m.items[tid]
            nxt = tid if t["kind"] == "o" else t["obj"]["id"]
            best = max(best, 1 + up(nxt))
        memo[oid] = best
        return best

    sys.setrecursionlimit(100000)
    res = []
    for ob in m.objectives:
        if up(ob["id"]) > maxd:
            # is it the deepest? only report objectives that are not a parent of a longer chain start
            res.append(ob["id"])
    # deepest: those with no child objective that also exceeds
    exceeding = set(res)
    out = []
    for oid in res:
        has_child = any(oid == (m.items[t]["id"] if m.items[t]["kind"] == "o" else m.items[t]["obj"]["id"])
                        for c in exceeding for (t, w) in m.items[c]["links"])
        if not has_child:
            out.append(("OKR106", oid))
    return out


# ----------------------------------------------------------------------------------------------- CLI

def to_json(res, asof):
    def num(x):
        if x is None:
            return None
        return x

    objs = []
    for o in res["objectives"]:
        oo = dict(o)
        krs = []
        for k in o["keyResults"]:
            kk = dict(k)
            if isinstance(kk["current"], Decimal):
                kk["current"] = fmt_decimal(kk["current"])
            kk.pop("kind", None)
            krs.append(kk)
        oo["keyResults"] = krs
        objs.append(oo)
    return dict(schema="okr-report/v1", asOf=asof.isoformat(), objectives=objs,
                diagnostics=[dict(code=c, severity=s, subject=j) for c, s, j in res["diagnostics"]])


if __name__ == "__main__":
    path = sys.argv[1]
    asof = datetime.date.fromisoformat(sys.argv[2])
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    res = evaluate(text, asof) if text is not None else dict(objectives=[], diagnostics=[("OKR001", "error", None)], has_errors=True)
    print(json.dumps(to_json(res, asof), indent=1))
