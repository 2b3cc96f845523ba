#!/usr/bin/env python3
"""Seeded random generator of okr/v1 documents (mostly valid, some slightly invalid).

gen(seed) -> (text, asof_date_str, mutation_name_or_None)
"""
import random, datetime, json, sys


class Raw:
    """a JSON number written verbatim"""

    def __init__(self, text):
        self.text = text


def dumps(v):
    if isinstance(v, Raw):
        return v.text
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return json.dumps(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ",".join(dumps(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(json.dumps(k) + ":" + dumps(x) for k, x in v.items()) + "}"
    raise TypeError(type(v))


WORDS = "grow customer delight reliable fast happy market team quality users revenue trust platform simple".split()
VAGUE = ["at least", "at most", "above", "below", "more than", "less than", "up to", "around", "approximately",
         "atleast", "upto", "Above", "MORE THAN", "roundabout"]
VERBS = ["implement", "Launch", "build", "create", "complete", "conduct", "run", "deploy", "ship", "write",
         "develop", "hold", "organize", "release", "migrate", "finish", "running", "shipping"]
D0 = datetime.date(2026, 1, 1)


class G:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def ch(self, xs):
        return self.r.choice(xs)

    def p(self, x):
        return self.r.random() < x

    def date(self, d):
        return d.isoformat()

    # ---------------------------------------------------------------- numbers
    def dec_text(self, lo=-50, hi=150, style=None):
        r = self.r
        style = style or r.choices(["int", "d1", "d2", "many", "neg", "big", "exp", "trail", "tiny"],
                                   [30, 20, 10, 8, 8, 4, 3, 5, 3])[0]
        if style == "int":
            return str(r.randint(lo, hi))
        if style == "d1":
            return "%.1f" % (r.randint(lo * 10, hi * 10) / 10)
        if style == "d2":
            return "%.2f" % (r.randint(lo * 100, hi * 100) / 100)
        if style == "many":
            ip = r.randint(lo, hi)
            nd = r.randint(5, 20)
            frac = "".join(r.choice("0123456789") for _ in range(nd))
            s = "%d.%s" % (abs(ip), frac)
            return ("-" if ip < 0 else "") + s
        if style == "neg":
            return str(-r.randint(0, 1000)) + self.ch(["", ".5", ".25", ".0"])
        if style == "big":
            nd = r.randint(15, 28)
            s = str(r.randint(1, 9)) + "".join(r.choice("0123456789") for _ in range(nd - 1))
            return self.ch(["", "-"]) + s
        if style == "exp":
            return self.ch(["1e2", "1.5e1", "2E0", "25e-1", "1.50e1", "3e-2", "0e0", "-1e1"])
        if style == "trail":
            return str(r.randint(lo, hi)) + self.ch([".0", ".00", ".000", ".10"])
        if style == "tiny":
            return self.ch(["0.0000000001", "0.0000000000000000000000000001", "-0.000001", "0.1", "-0"])

    def weight(self):
        return self.ch([None, None, None, Raw("1"), Raw("0"), Raw("2"), Raw("0.5"), Raw("3"), Raw("0.1"),
                        Raw("1e-3"), Raw("1.0"), Raw("10"), Raw("0.3333333333333333"), Raw("7")]
                       + ([self.ch([Raw("1e308"), Raw("5e-324"), Raw("1e-300"), Raw("1e300"), Raw("0.0"), Raw("-0"), Raw("123456789.123456789")])] if self.p(0.05) else []))

    # ---------------------------------------------------------------- document
    def gen(self):
        r = self.r
        doc = {"schema": "okr/v1"}
        self.d0 = datetime.date(self.ch([2026, 2026, 2027, 2028, 2024, 1999, 2100]), 1, 1)
        if self.p(0.6):
            doc["settings"] = self.settings()
        # periods
        periods = []
        for i in range(r.randint(1, 3)):
            if i > 0 and self.p(0.5):
                s = datetime.date.fromisoformat(periods[0]["start"]) + datetime.timedelta(days=r.randint(-10, 40))
            else:
                s = self.d0 + datetime.timedelta(days=r.randint(0, 300))
            ln = self.ch([1, 2, 7, 30, 31, 91, 92, 90, r.randint(1, 200)])
            e = s + datetime.timedelta(days=ln - 1)
            periods.append({"id": "P%d" % i, "start": s.isoformat(), "end": e.isoformat()})
        doc["periods"] = periods
        owners = []
        for i in range(r.randint(1, 4)):
            o = {"id": "w%d" % i}
            if self.p(0.5):
                o["name"] = "Owner %d" % i
            if i > 0 and self.p(0.6):
                o["parent"] = "w%d" % r.randint(0, i - 1)
            owners.append(o)
        doc["owners"] = owners
        nobj = self.ch([2, 2, 3, 3, 4, 5, 6, 8, 10, r.randint(2, 30)])
        objs = []
        self.all_krs = []  # (kr dict, obj index, j)
        for i in range(nobj):
            ob = {"id": "o%d" % i, "title": self.obj_title(), "owner": self.ch(owners)["id"],
                  "period": self.ch(periods)["id"]}
            if self.p(0.5):
                ob["commitment"] = self.ch(["aspirational", "committed", "committed"])
            if self.p(0.7):
                ob["progressFrom"] = self.ch(["keyResults", "children", "both", "both"])
            pd = [p for p in periods if p["id"] == ob["period"]][0]
            krs = []
            for j in range(self.ch([0, 1, 2, 2, 3, 3, 4, 5, 6])):
                kr = self.kr("k%d_%d" % (i, j), pd)
                krs.append(kr)
                self.all_krs.append((kr, i, j))
            if krs or self.p(0.5):
                ob["keyResults"] = krs
            objs.append(ob)
        doc["objectives"] = objs
        self.align(objs)
        # as-of
        allp = periods
        pd = self.ch(allp)
        s = datetime.date.fromisoformat(pd["start"])
        e = datetime.date.fromisoformat(pd["end"])
        dates = [s, e, s - datetime.timedelta(days=1), e + datetime.timedelta(days=1),
                 s + datetime.timedelta(days=r.randint(0, (e - s).days))]
        cis = [c["at"] for kr, _, _ in self.all_krs for c in kr.get("checkIns", [])]
        if cis:
            dates.append(datetime.date.fromisoformat(self.ch(cis)))
        dates.append(s + datetime.timedelta(days=r.randint(-20, (e - s).days + 20)))
        asof = self.ch(dates) if self.p(0.5) else dates[4]
        mut = None
        if self.p(0.25):
            mut = self.mutate(doc)
        return doc, asof.isoformat(), mut

    def settings(self):
        s = {}
        if self.p(0.3):
            s["aspirationalTarget"] = self.ch([Raw("0.7"), Raw("0.5"), Raw("0.8"), Raw("1"), Raw("0.65"), Raw("0.6")])
        if self.p(0.3):
            s["onTrackGap"] = self.ch([Raw("0.15"), Raw("0"), Raw("0.1"), Raw("0.2"), Raw("0.3")])
        if self.p(0.3):
            s["atRiskGap"] = self.ch([Raw("0.3"), Raw("0.3"), Raw("0.4"), Raw("0.5"), Raw("1")])
        if self.p(0.3):
            s["lowConfidence"] = self.ch([Raw("3"), Raw("0"), Raw("5"), Raw("10"), Raw("7.0")])
        if self.p(0.3):
            s["staleAfterDays"] = self.ch([Raw("14"), Raw("0"), Raw("7"), Raw("30")])
        if self.p(0.4):
            s["objectiveStatus"] = self.ch(["pace", "worst", "worst"])
        if self.p(0.2):
            s["scale"] = self.ch([
                [{"from": Raw("0"), "label": "red"}, {"from": Raw("0.3"), "label": "yellow"}, {"from": Raw("0.7"), "label": "green"}],
                [{"from": Raw("0"), "label": "F"}, {"from": Raw("0.5"), "label": "C"}, {"from": Raw("0.9"), "label": "A"}, {"from": Raw("1"), "label": "A+"}],
                [{"from": Raw("0"), "label": "only"}],
                [{"from": Raw("0.0"), "label": "lo"}, {"from": Raw("0.1"), "label": "mid"}, {"from": Raw("0.2"), "label": "hi"}],
            ])
        if self.p(0.35):
            lim = {}
            for k, vals in (("maxObjectivesPerOwner", [1, 2, 5]), ("minKeyResults", [1, 2, 3]),
                            ("maxKeyResults", [1, 3, 5]), ("maxDepth", [1, 1, 2, 2, 3, 10])):
                if self.p(0.5):
                    lim[k] = Raw(str(self.ch(vals)))
            s["limits"] = lim
        if self.p(0.4):
            rules = {}
            for _ in range(self.r.randint(1, 3)):
                code = self.ch(["OKR101", "OKR102", "OKR103", "OKR104", "OKR105", "OKR106", "OKR107", "OKR108",
                                "OKR109", "OKR201", "OKR202", "OKR203", "OKR204", "OKR205", "OKR206", "OKR207"])
                rules[code] = self.ch(["off", "info", "warning", "error", "off"])
            s["rules"] = rules
        return s

    def obj_title(self):
        t = " ".join(self.ch(WORDS) for _ in range(self.r.randint(1, 4))).capitalize()
        if self.p(0.1):
            t += " in Q%d" % self.r.randint(1, 4)
        if self.p(0.1):
            t = self.ch(["Delight users", "delight USERS", "Grow"])
        return t

    def kr_title(self, kind):
        t = " ".join(self.ch(WORDS) for _ in range(self.r.randint(1, 4)))
        if self.p(0.1):
            t += " " + self.ch(VAGUE) + " 5"
        if kind in ("milestone", "checklist") and self.p(0.3) or self.p(0.05):
            t = self.ch(VERBS) + " " + t
        return t.capitalize() if self.p(0.5) else t

    def checkins(self, pd, vals, conf=True):
        r = self.r
        s = datetime.date.fromisoformat(pd["start"])
        e = datetime.date.fromisoformat(pd["end"])
        out = []
        n = self.ch([0, 1, 1, 2, 2, 3, 4, 5])
        prev = None
        for _ in range(n):
            if prev is not None and self.p(0.25):
                d = prev  # tie
            else:
                d = s + datetime.timedelta(days=r.randint(-5, (e - s).days + 5))
            prev = d
            c = {"at": d.isoformat(), "value": Raw(vals())}
            if conf and self.p(0.6):
                c["confidence"] = Raw(self.ch(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "7.0", "3"]))
            if self.p(0.1):
                c["note"] = "note"
            out.append(c)
        return out

    def kr(self, kid, pd):
        r = self.r
        kind = r.choices(["increase", "decrease", "atLeast", "atMost", "within", "milestone", "checklist", "rollup"],
                         [20, 15, 8, 8, 8, 8, 10, 12])[0]
        kr = {"id": kid, "title": self.kr_title(kind), "kind": kind}
        w = self.weight()
        if w is not None:
            kr["weight"] = w
        st = self.ch([None, None, "int", "d1", "many", "big", "neg", "d2"])
        vals = lambda: self.dec_text(style=st)
        if kind in ("increase", "decrease"):
            while True:
                a, b = self.dec_text(style=st), self.dec_text(style=st)
                from decimal import Decimal
                if Decimal(a) != Decimal(b):
                    break
            lo, hi = sorted([a, b], key=lambda x: __import__("decimal").Decimal(x))
            kr["baseline"], kr["target"] = (Raw(lo), Raw(hi)) if kind == "increase" else (Raw(hi), Raw(lo))
            kr["checkIns"] = self.checkins(pd, vals)
        elif kind in ("atLeast", "atMost"):
            kr["threshold"] = Raw(self.dec_text(style=st))
            kr["checkIns"] = self.checkins(pd, vals)
        elif kind == "within":
            from decimal import Decimal
            a, b = sorted([self.dec_text(style=st), self.dec_text(style=st)], key=Decimal)
            if self.p(0.1):
                b = a
            kr["min"], kr["max"] = Raw(a), Raw(b)
            kr["checkIns"] = self.checkins(pd, vals)
        elif kind == "milestone":
            kr["checkIns"] = self.checkins(pd, lambda: self.ch(["0", "1", "1", "1.0", "0.0"]))
        elif kind == "checklist":
            items = []
            s = datetime.date.fromisoformat(pd["start"])
            e = datetime.date.fromisoformat(pd["end"])
            for _ in range(self.ch([1, 1, 2, 3, 4, 5, 8])):
                it = {"title": " ".join(self.ch(WORDS) for _ in range(2))}
                w = self.weight()
                if w is not None:
                    it["weight"] = w
                if self.p(0.6):
                    it["doneOn"] = (s + datetime.timedelta(days=r.randint(-3, (e - s).days + 3))).isoformat()
                elif self.p(0.5):
                    it["doneOn"] = None
                items.append(it)
            if all(it.get("weight") is not None and it["weight"].text in ("0",) for it in items):
                items[0]["weight"] = Raw("1")
            kr["items"] = items
            if self.p(0.1):
                kr["checkIns"] = []
        elif kind == "rollup":
            agg = self.ch(["mean", "sum"])
            kr["aggregate"] = agg
            if agg == "sum":
                from decimal import Decimal
                while True:
                    a, b = self.dec_text(style=st), self.dec_text(style=st)
                    if Decimal(a) != Decimal(b):
                        break
                kr["baseline"], kr["target"] = Raw(a), Raw(b)
            if self.p(0.1):
                kr["checkIns"] = []
        return kr

    def align(self, objs):
        r = self.r
        # rank: objectives random permutation; KR rank = obj rank + (j+1)/(n+2)
        perm = list(range(len(objs)))
        r.shuffle(perm)
        rank = {}
        items = []
        for i, ob in enumerate(objs):
            rank[ob["id"]] = perm[i]
            items.append(("o", ob))
            krs = ob.get("keyResults", [])
            for j, kr in enumerate(krs):
                rank[kr["id"]] = perm[i] + (j + 1) / (len(krs) + 2)
                items.append(("k", kr))
        kinds = {kr["id"]: kr for kr, _, _ in self.all_krs}

        def is_sum(k):
            return k["kind"] == "rollup" and k.get("aggregate") == "sum"

        def sum_ok(k):
            return k["kind"] in ("increase", "decrease", "atLeast", "atMost", "within") or is_sum(k)

        for typ, it in items:
            cands = [x for t, x in items if rank[x["id"]] < rank[it["id"]]]
            if typ == "k":
                cands = [x for x in cands if x["id"] in kinds]
            if not cands:
                continue
            # prefer rollups as targets
            links = []
            n = self.ch([0, 0, 1, 1, 1, 2, 3]) if typ == "o" else self.ch([0, 0, 0, 1, 1, 2])
            used = set()
            for _ in range(n):
                pref = [x for x in cands if x["id"] in kinds and kinds[x["id"]]["kind"] == "rollup"]
                t = self.ch(pref) if pref and self.p(0.6) else self.ch(cands)
                if t["id"] in used:
                    continue
                if t["id"] in kinds and is_sum(kinds[t["id"]]):
                    if typ == "o" or not sum_ok(it):
                        continue
                used.add(t["id"])
                l = {("keyResult" if t["id"] in kinds else "objective"): t["id"]}
                w = self.weight()
                if w is not None:
                    l["weight"] = w
                links.append(l)
            if links or self.p(0.2):
                it["alignsTo"] = links

    # ---------------------------------------------------------------- mutations (invalid documents)
    def mutate(self, doc):
        r = self.r
        objs = doc["objectives"]
        krs = [kr for kr, _, _ in self.all_krs]
        muts = ["unknown_field", "missing_title", "bad_date", "dup_id", "unknown_ref", "neg_weight",
                "conf11", "conf_frac", "inc_swap", "within_swap", "milestone2", "checklist_ci", "checklist_empty",
                "self_align", "cycle", "period_swap", "bad_setting", "dec_range", "nan", "dup_link",
                "sum_bad_contrib", "wrong_kind_ref", "null_required", "null_optional", "bad_schema",
                "field_wrong_kind", "unknown_kind", "trailing", "dup_member", "blank_id", "bad_rule", "scale_bad",
                "obj_to_sum", "long_id", "owner_cycle", "owner_unknown_parent", "checkin_bad_date", "title_units",
                "kr_links_objective", "bom", "twice"]
        m = self.ch(muts)
        ob = self.ch(objs)
        kr = self.ch(krs) if krs else None
        if m == "unknown_field":
            self.ch([ob, kr or ob, doc["periods"][0]])["extra"] = 1
        elif m == "missing_title":
            del ob["title"]
        elif m == "bad_date":
            doc["periods"][0]["start"] = self.ch(["2026-02-30", "2026-1-01", "20260101", "2026-13-01"])
        elif m == "dup_id":
            if kr:
                kr["id"] = ob["id"]
            else:
                objs[-1]["id"] = objs[0]["id"]
        elif m == "unknown_ref":
            ob[self.ch(["owner", "period"])] = "nope"
        elif m == "neg_weight":
            (kr or ob.setdefault("alignsTo", [{"objective": "zz"}])[0])["weight"] = Raw("-1")
        elif m == "conf11" or m == "conf_frac":
            cands = [k for k in krs if k.get("checkIns")]
            if cands:
                self.ch(cands)["checkIns"][0]["confidence"] = Raw("11" if m == "conf11" else "7.5")
            else:
                m = None
        elif m == "inc_swap":
            cands = [k for k in krs if k["kind"] in ("increase", "decrease")]
            if cands:
                k = self.ch(cands)
                k["target"] = k["baseline"]
            else:
                m = None
        elif m == "within_swap":
            cands = [k for k in krs if k["kind"] == "within"]
            if cands:
                k = self.ch(cands)
                k["min"], k["max"] = Raw("5"), Raw("4")
            else:
                m = None
        elif m == "milestone2":
            cands = [k for k in krs if k["kind"] == "milestone"]
            if cands:
                cands[0]["checkIns"] = [{"at": doc["periods"][0]["start"], "value": Raw("2")}]
            else:
                m = None
        elif m == "checklist_ci":
            cands = [k for k in krs if k["kind"] in ("checklist", "rollup")]
            if cands:
                cands[0]["checkIns"] = [{"at": doc["periods"][0]["start"], "value": Raw("1")}]
            else:
                m = None
        elif m == "checklist_empty":
            cands = [k for k in krs if k["kind"] == "checklist"]
            if cands:
                cands[0]["items"] = [] if self.p(0.5) else [{"title": "a", "weight": Raw("0")}]
            else:
                m = None
        elif m == "self_align":
            ob["alignsTo"] = [{"objective": ob["id"]}]
        elif m == "cycle":
            if kr:
                # objective aligns to its own KR or some KR whose objective is below
                o2 = [o for o in objs if kr in o.get("keyResults", [])][0]
                o2.setdefault("alignsTo", []).append({"keyResult": kr["id"]})
                # may duplicate a link; fine
            else:
                objs[0]["alignsTo"] = [{"objective": objs[1]["id"]}]
                objs[1]["alignsTo"] = [{"objective": objs[0]["id"]}]
        elif m == "period_swap":
            p = doc["periods"][0]
            p["start"], p["end"] = p["end"], p["start"]
            if p["start"] == p["end"]:
                p["start"] = "2027-01-01"
        elif m == "bad_setting":
            s = doc.setdefault("settings", {})
            k, v = self.ch([("aspirationalTarget", Raw("0")), ("aspirationalTarget", Raw("1.5")),
                            ("onTrackGap", Raw("0.5")), ("atRiskGap", Raw("0.1")), ("lowConfidence", Raw("11")),
                            ("staleAfterDays", Raw("-1")), ("lowConfidence", Raw("2.5")), ("objectiveStatus", "best"),
                            ("limits", {"maxDepth": Raw("0")})])
            s[k] = v
        elif m == "dec_range":
            cands = [k for k in krs if k["kind"] in ("increase", "decrease")]
            if cands:
                cands[0]["baseline"] = Raw("-1e30")
            else:
                m = None
        elif m == "nan":
            ob["alignsTo"] = [{"objective": "x", "weight": Raw("NaN")}]
        elif m == "dup_link":
            cands = [o for o in objs if o.get("alignsTo")]
            if cands:
                o = cands[0]
                o["alignsTo"].append(dict(o["alignsTo"][0]))
            else:
                m = None
        elif m == "sum_bad_contrib":
            sums = [k for k in krs if k["kind"] == "rollup" and k.get("aggregate") == "sum"]
            bad = [k for k in krs if k["kind"] in ("milestone", "checklist")]
            if sums and bad:
                bad[-1]["alignsTo"] = [{"keyResult": sums[0]["id"]}]
            else:
                m = None
        elif m == "obj_to_sum":
            sums = [k for k in krs if k["kind"] == "rollup" and k.get("aggregate") == "sum"]
            if sums:
                o = [o for o in objs if sums[0] not in o.get("keyResults", [])]
                if o:
                    o[-1]["alignsTo"] = [{"keyResult": sums[0]["id"]}]
                else:
                    m = None
            else:
                m = None
        elif m == "wrong_kind_ref":
            if kr:
                o = [o for o in objs if kr not in o.get("keyResults", [])]
                if o:
                    o[0]["alignsTo"] = [{"objective": kr["id"]}]
                else:
                    m = None
            else:
                m = None
        elif m == "null_required":
            ob["owner"] = None
        elif m == "null_optional":
            ob["commitment"] = None
            ob["alignsTo"] = None
            m = "null_optional(valid)"
        elif m == "bad_schema":
            doc["schema"] = "okr/v2"
        elif m == "field_wrong_kind":
            if kr:
                kr["threshold" if kr["kind"] != "atLeast" and kr["kind"] != "atMost" else "target"] = Raw("1")
            else:
                m = None
        elif m == "unknown_kind":
            if kr:
                kr["kind"] = "bogus"
            else:
                m = None
        elif m == "trailing":
            doc["__trailing__"] = True
        elif m == "dup_member":
            doc["__dup__"] = ob["id"]
        elif m == "blank_id":
            ob["id"] = "  "
        elif m == "bad_rule":
            doc.setdefault("settings", {})["rules"] = {self.ch(["OKR001", "OKR110", "okr201"]): "off"}
        elif m == "scale_bad":
            doc.setdefault("settings", {})["scale"] = self.ch([
                [{"from": Raw("0.1"), "label": "a"}],
                [{"from": Raw("0"), "label": "a"}, {"from": Raw("0.5"), "label": "a"}],
                [{"from": Raw("0"), "label": "a"}, {"from": Raw("0"), "label": "b"}],
                [{"from": Raw("0"), "label": ""}],
                []])
        elif m == "long_id":
            ob["id"] = "x" * 201
        elif m == "owner_cycle":
            owners = doc["owners"]
            owners[0]["parent"] = owners[-1]["id"]
            if len(owners) > 1 and "parent" not in owners[-1]:
                owners[-1]["parent"] = owners[0]["id"]
        elif m == "owner_unknown_parent":
            self.ch(doc["owners"])["parent"] = "nobody"
        elif m == "checkin_bad_date":
            cands = [k for k in krs if k.get("checkIns")]
            if cands:
                # 2028-02-29 is a real day (valid), 2027-02-29 and 2026-04-31 are not
                self.ch(cands)["checkIns"][0]["at"] = self.ch(["2027-02-29", "2026-04-31", "2028-02-29", "2026-1-5"])
            else:
                m = None
        elif m == "title_units":
            # 250 astral characters are 500 UTF-16 units (valid); 251 are 502 (too long); 500 BMP ones are valid
            t = self.ch(["\U0001F600" * 250, "\U0001F600" * 251, "\u00e9" * 500, "\u00e9" * 501])
            (kr if kr is not None and self.p(0.5) else ob)["title"] = t
        elif m == "kr_links_objective":
            if kr:
                kr["alignsTo"] = [{"objective": self.ch(objs)["id"]}]
            else:
                m = None
        elif m == "bom":
            doc["__bom__"] = True
            m = "bom(valid)"
        elif m == "twice":
            first = self.mutate(doc)
            second = self.mutate(doc)
            m = "twice(%s,%s)" % (first, second)
        return m


def gen(seed):
    g = G(seed)
    doc, asof, mut = g.gen()
    trailing = doc.pop("__trailing__", False)
    bom = doc.pop("__bom__", False)
    dup = doc.pop("__dup__", None)
    text = dumps(doc)
    if trailing:
        text = text[:-1] + ",}"
    if dup is not None:
        text = text.replace('"id":"%s",' % dup, '"id":"%s","id":"%s",' % (dup, dup), 1)
    if bom:
        text = "\ufeff" + text
    return text, asof, mut


if __name__ == "__main__":
    t, a, m = gen(int(sys.argv[1]))
    print(a, m, file=sys.stderr)
    print(t)
