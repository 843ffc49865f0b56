# Conflict / not-conflict pairs, executed by make_gold.py after the items.
figs = [it for it in ITEMS if it["kind"] == "figure" and it.get("_key")]
BY = {it["_key"]: it for it in figs}
assert len(BY) == len(figs), "duplicate _key"


def iv(it):
    lo = it["low"] if it["low"] is not None else float("-inf")
    hi = it["high"] if it["high"] is not None else float("inf")
    if it.get("approx") and it["low"] == it["high"]:  # "about N": widen 10% each way (as the scorer does); vague ranges ("dozens") are already ranges
        lo, hi = lo * 0.9, hi * 1.1
    return lo, hi


def overlap(x, y):
    (a, b), (c, d) = iv(x), iv(y)
    return a <= d and c <= b


def side(it):
    return {"a": it["article"], "s": it["source"][0]}


def ref(it):
    d = {"article": it["article"], "source": it["source"][0], "low": it["low"], "high": it["high"],
         "note": it["note"]}
    if it.get("approx"):
        d["approx"] = True
    d["key"] = it["_key"]
    d["scope"] = it["scope"]
    if it["incident"] != None:
        d["incident"] = it["incident"]
    d["reported"] = it["_when"][:10]
    return d


def q0(it):
    return it["quantity"][0]


def later_overlapping(x, y):
    """x has a later figure from the same actor group that overlaps y"""
    for z in figs:
        if z is x or z.get("optional") or z["scope"] != "total":
            continue
        if z["_actor"] == x["_actor"] and z["incident"] == x["incident"] and q0(z) == q0(x) \
                and z["_when"] > x["_when"] and overlap(z, y):
            return z
    return None


# what a munitions figure counts (figures of one incident are compared only within one kind)
WHAT = {"g05-af-m126": "drones", "g05-af-m97": "drones", "g05-af-m9": "missiles", "g05-af-m7": "missiles",
        "g05-af-m2": "missiles", "g05-af-m6": "missiles", "g10-af-m94": "drones", "g10-af-m71": "drones",
        "g10-af-m2": "missiles"}
conf, notc = [], []
seen = set()
tot = [f for f in figs if f["scope"] == "total" and not f.get("optional") and f["incident"] != NONE]
for x, y in itertools.combinations(tot, 2):
    if x["incident"] != y["incident"] or q0(x) != q0(y):
        continue
    if q0(x) == "munitions" and WHAT.get(x["_key"]) != WHAT.get(y["_key"]):
        continue  # drones vs missiles: different objects, never compared
    if x["_when"] > y["_when"]:
        x, y = y, x
    if (x["low"], x["high"]) == (y["low"], y["high"]) and x["_actor"] == y["_actor"]:
        continue  # same figure repeated
    base = {"incident": x["incident"], "quantity": q0(x), "a": ref(x), "b": ref(y)}
    same_day = x["_when"][:10] == y["_when"][:10]
    if x["_actor"] == y["_actor"]:
        if overlap(x, y):
            continue
        if x["source"][0] == y["source"][0] or set(x["source"]) & set(y["source"]):
            why = "rising toll / update: the same source's earlier and later figure"
            cat = "update-same-source"
        else:
            why = "same side's officials (%s): not an independent disagreement" % x["_actor"]
            cat = "same-side"
            if x["_when"] != y["_when"]:
                why += "; also reported at different times"
        notc.append(dict(base, why=why, category=cat))
        continue
    if overlap(x, y):
        if x["low"] != y["low"] or x["high"] != y["high"]:
            notc.append(dict(base, why="intervals overlap (open-ended or approximate figures are compatible)", category="overlap"))
        continue
    z = later_overlapping(x, y) or later_overlapping(y, x)
    if z is not None:
        notc.append(dict(base, why="timing: %s later gave %s (%s, %s), which agrees with the other figure; the earlier figure was an early count, not a disagreement" % (z["source"][0], z["low"] if z["low"] == z["high"] else [z["low"], z["high"]], z["article"], z["_when"][:10]), category="superseded-update", superseded_by=z["_key"]))
        continue
    if x["_actor"] in ("saf", "rsf", "ua", "ru") and y["_actor"] in ("saf", "rsf", "ua", "ru"):
        why = "opposing sides' tolls for the same strike (%s vs %s) do not overlap" % (x["_actor"], y["_actor"])
    else:
        why = "independent sources (%s vs %s) give non-overlapping totals for the same incident" % (x["_actor"], y["_actor"])
    if not same_day:
        why += "; reported on different days, but neither source's own later figure reconciles them"
    conf.append(dict(base, why=why, same_day=same_day))

# curated pairs a naive system might flag: part vs total, other incident, cumulative vs incident,
# different quantity kind, rescued vs killed/missing
CURATED = [
    ("g06-err-k51", "g06-adm-k74", "part vs total: 51 died at the scene is a sub-count of the group's 61, not a rival total", "part-vs-total"),
    ("g06-err-k10", "g06-err-k61", "part vs total: 10 died later in hospital, part of the 61", "part-vs-total"),
    ("g06-err-k13", "g06-err-k61", "part vs total: 13 bodies recovered on Wednesday/Thursday are part of the 61 (61 = 48 + 13)", "part-vs-total"),
    ("g06-err-k51", "g04-err-k46", "part vs total: 51 at the scene (of 61, 12 March) vs an earlier total of 46", "part-vs-total"),
    ("g04-err-k8", "g04-ocha-k40", "part vs total: eight died later in hospital, part of the group's 46", "part-vs-total"),
    ("g01-nurse-i30", "g01-adm-i110", "part vs total: about 30 of the wounded in critical condition, a sub-count of the wounded", "part-vs-total"),
    ("g06-hosp-i19", "g06-adm-i131", "part vs total: 19 critically wounded, a sub-count of the wounded", "part-vs-total"),
    ("g03-adm-i23", "g01-err-i70", "part vs total: 23 wounded transferred to Kabkabiya, a sub-count", "part-vs-total"),
    ("g05-bondar-k3", "g05-tk-k4", "part vs total: three plant workers among the four dead", "part-vs-total"),
    ("g08-tk-k5", "g08-tk-k9", "part vs total: five bodies recovered from the dormitory, part of the nine", "part-vs-total"),
    ("g05-af-m97", "g05-af-m126", "part vs total: 97 drones shot down of 126 launched", "part-vs-total"),
    ("g05-af-m7", "g05-af-m9", "part vs total: seven Kh-101 among nine missiles", "part-vs-total"),
    ("g09-div-m3", "g09-div-m5", "part vs total: three of five drones shot down", "part-vs-total"),
    ("g10-af-m71", "g10-af-m94", "part vs total: 71 of 94 drones shot down or jammed", "part-vs-total"),
    ("g07-mod-c190", "g07-mod-c1285", "part vs total: losses near Volchansk and Liptsy are part of the daily front-wide claim", "part-vs-total"),
    ("g03-wit-m2", "g05-tk-m2", "other incident (and part): bombs on Kutum vs missiles on Zmiiv", "other-incident"),
    ("g01-err-jan12", "g01-err-k38", "other incident: the January strike on the same market, not the 9 March strike", "other-incident"),
    ("g04-ocha-jan12", "g04-ocha-k40", "other incident: the January strike on the same site", "other-incident"),
    ("g08-hrmmu-bal12", "g08-tk-k9", "other incident: last month's strike in Balakliia, not Zmiiv", "other-incident"),
    ("g09-gov-k11", "g09-moh-k7", "other incident: Monday's shelling vs Thursday's drone strike in the same town", "other-incident"),
    ("g09-krc-k14", "g09-moh-k7", "other incident: Monday's shelling vs Thursday's drone strike in the same town", "other-incident"),
    ("g09-gov-i26", "g09-moh-i15", "other incident: Monday's shelling vs Thursday's drone strike in the same town", "other-incident"),
    ("g09-krc-m40", "g09-div-m5", "other incident and different munitions: shells on Monday vs drones on Thursday", "other-incident"),
    ("g10-tk-k5", "g05-tk-k4", "other incident: Kharkiv city on 14 March vs Zmiiv on 12 April (same official)", "other-incident"),
    ("g10-mirny-k1", "g10-tk-k5", "other incident: drone on a car in Belgorod region vs glide bombs on Kharkiv, same day", "other-incident"),
    ("g07-mirny-i2", "g07-ua-i17", "other incident: Shebekino (Russia) vs Zmiiv", "other-incident"),
    ("g07-mod-m48", "g05-af-m126", "other incident: Ukrainian drones over Russia vs Russian drones launched at Ukraine", "other-incident"),
    ("g02-saf-atb7", "g03-rsf-m2", "other incident: drones at Atbara on Sunday vs drones shot down over Kutum on Tuesday", "other-incident"),
    ("g06-un-war-k", "g06-err-k61", "cumulative vs incident: war-wide total since April 2023", "cumulative-vs-incident"),
    ("g01-un-war-k", "g01-adm-k52", "cumulative vs incident: war-wide total", "cumulative-vs-incident"),
    ("g01-un-war-k", "g06-un-war-k", "both cumulative war totals, overlapping (tens of thousands vs more than 20,000)", "cumulative-vs-cumulative"),
    ("g04-ocha-1100", "g04-ocha-k40", "cumulative vs incident: North Darfur deaths since January", "cumulative-vs-incident"),
    ("g03-adm-900", "g03-adm-k52", "cumulative vs incident: civilians killed by army air strikes since January", "cumulative-vs-incident"),
    ("g02-nur-2000", "g02-saf-k27", "cumulative vs incident: civilians killed by the RSF since January vs fighters killed in Kutum", "cumulative-vs-incident"),
    ("g02-saf-wk-k", "g02-saf-k27", "cumulative vs incident: militia killed during the past week", "cumulative-vs-incident"),
    ("g08-hrmmu-war-k", "g08-hrmmu-k7", "cumulative vs incident: civilians killed since February 2022", "cumulative-vs-incident"),
    ("g08-hrmmu-c86", "g08-hrmmu-bal12", "cumulative vs incident: March casualties in energy attacks include the Balakliia strike", "cumulative-vs-incident"),
    ("g09-moh-130", "g09-krc-k14", "cumulative vs incident: civilians killed in Kadugli since January", "cumulative-vs-incident"),
    ("g07-mod-c1285", "g07-mod-k60", "cumulative vs incident: daily front-wide losses vs the Zmiiv claim", "cumulative-vs-incident"),
    ("g05-af-wk1100", "g05-af-m126", "cumulative vs incident: drones over the past week vs overnight", "cumulative-vs-incident"),
    ("g10-tk-wk160", "g10-tk-m2", "cumulative vs incident: guided bombs on the region over a week vs two on the building", "cumulative-vs-incident"),
    ("g08-hrmmu-c31", "g08-tk-k9", "different quantity: killed or injured (31) vs killed (9); 9 + 22 = 31", "different-quantity"),
    ("g08-hrmmu-c31", "g07-mod-k60", "different quantity: civilian casualties vs servicemen killed claimed by Russia", "different-quantity"),
    ("g02-platf-cdozens", "g02-saf-k27", "different quantity (civilian casualties vs militia killed); the platforms' figure is optional and only reported", "different-quantity"),
    ("g08-ses-rescued6", "g08-tk-k9", "rescued alive is not killed: six pulled out alive", "rescued-not-killed"),
    ("g08-ses-rescued6", "g05-tk-mis12", "rescued alive is not missing: six of those under the rubble were pulled out alive", "rescued-not-killed"),
]
for k1, k2, why, cat in CURATED:
    x, y = BY[k1], BY[k2]
    notc.append({"incident": x["incident"], "quantity": q0(x) if q0(x) == q0(y) else "%s/%s" % (q0(x), q0(y)),
                 "a": ref(x), "b": ref(y), "why": why, "category": cat})

with open(os.path.join(HERE, "gold_conflicts.jsonl"), "w") as fh:
    for c in conf:
        fh.write(json.dumps(c, ensure_ascii=False) + "\n")
with open(os.path.join(HERE, "gold_not_conflicts.jsonl"), "w") as fh:
    for c in notc:
        fh.write(json.dumps(c, ensure_ascii=False) + "\n")
print("conflicts:", len(conf), " not-conflicts:", len(notc))
from collections import Counter
print(Counter(c["category"] for c in notc))
print(Counter((c["incident"], c["quantity"]) for c in conf))
