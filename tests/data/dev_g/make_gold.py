#!/usr/bin/env python3
"""Builds gold_g.jsonl, gold_incidents.jsonl, gold_conflicts.jsonl and
gold_not_conflicts.jsonl for the dev_g articles.  Run from this directory:
    python3 make_gold.py
Fields starting with '_' are internal (actor group, report time, key) and are
not written to gold_g.jsonl."""
import json, os, re, itertools

HERE = os.path.dirname(os.path.abspath(__file__))
A1 = "g01_afp_kutum_market_strike"
A2 = "g02_suna_army_statement_kutum"
A3 = "g03_wadihawar_kutum_massacre"
A4 = "g04_ocha_flash_update_kutum"
A5 = "g05_ukrinform_zmiiv_power_plant"
A6 = "g06_dabanga_kutum_toll_rises"
A7 = "g07_tass_zmiiv_mod_statement"
A8 = "g08_unnews_zmiiv_hrmmu"
A9 = "g09_sudantribune_kadugli_two_attacks"
A10 = "g10_reuters_kharkiv_glide_bomb"
ARTICLES = [A1, A2, A3, A4, A5, A6, A7, A8, A9, A10]

ITEMS = []


def F(a, src, q, lo, hi, approx, note, inc, scope, opt=False, key=None, actor=None, when=None):
    d = {"article": a, "kind": "figure", "source": src, "quantity": q, "low": lo, "high": hi,
         "approx": approx, "note": note, "incident": inc, "scope": scope}
    if opt:
        d["optional"] = True
    d["_key"], d["_actor"], d["_when"] = key, actor, when
    ITEMS.append(d)
    return d


def C(a, src, target, note, opt=False):
    d = {"article": a, "kind": "criticism", "source": src, "target": target, "note": note}
    if opt:
        d["optional"] = True
    ITEMS.append(d)


def Q(a, src, text, opt=False, note=None):
    d = {"article": a, "kind": "quote", "source": src, "text": text}
    if note:
        d["note"] = note
    if opt:
        d["optional"] = True
    ITEMS.append(d)


def S(a, src, text, note, opt=False):
    d = {"article": a, "kind": "statement", "source": src, "text": text, "note": note}
    if opt:
        d["optional"] = True
    ITEMS.append(d)


K, I, CAS, MIS, DIS, MUN, OTH = ["killed"], ["injured"], ["casualties"], ["missing"], ["displaced"], ["munitions"], ["other"]

# ---------------------------------------------------------------- incidents
KUT = "kutum-strike-2026-03-09"
KUTJAN = "kutum-strike-2026-01"
ATB = "atbara-drone-attack-2026-03-08"
KUTDR = "kutum-drone-shootdown-2026-03-10"
SAFWK = "period-saf-claims-week-to-2026-03-10"
RSF26 = "period-darfur-rsf-killings-2026"
SAFAIR26 = "period-saf-airstrikes-darfur-kordofan-2026"
NDAR26 = "period-north-darfur-2026"
WARSD = "war-total-sudan"
KADSH = "kadugli-shelling-2026-03-16"
KADDR = "kadugli-hospital-drone-strike-2026-03-19"
KAD26 = "period-kadugli-2026"
ZMI = "zmiiv-strike-2026-04-12"
UAN412 = "ukraine-overnight-attack-2026-04-12"
UAWK412 = "period-ukraine-air-attacks-week-to-2026-04-12"
RUDR412 = "drones-over-russia-2026-04-12"
SHEB = "shebekino-drone-strike-2026-04-12"
RUDAILY = "period-ru-mod-claimed-losses-2026-04-12"
WARUA = "war-total-russia-ukraine"
BAL = "balakliia-strike-2026-03"
UAEN03 = "period-ukraine-energy-attacks-2026-03"
KHA = "kharkiv-glide-bomb-strike-2026-03-14"
UAN314 = "ukraine-overnight-attack-2026-03-14"
BELG = "belgorod-drone-strike-2026-03-14"
KHAWK = "period-kharkiv-region-guided-bombs-week-to-2026-03-14"
NONE = "none"

INCIDENTS = [
    {"incident": KUT, "kind": "airstrike", "place": "Kutum", "site": "Kutum main market (livestock and grain market)", "region": "North Darfur", "country": "Sudan", "date": "2026-03-09", "articles": [A1, A2, A3, A4, A6]},
    {"incident": KUTJAN, "kind": "airstrike", "place": "Kutum", "site": "Kutum main market", "region": "North Darfur", "country": "Sudan", "start": "2026-01-01", "end": "2026-01-31", "articles": [A1, A3, A4], "note": "earlier strike on the same market 'in January'; exact day not given"},
    {"incident": ATB, "kind": "drone attack", "place": "Atbara", "region": "River Nile", "country": "Sudan", "date": "2026-03-08", "articles": [A2], "note": "'on Sunday' in a statement of Tuesday 10 March"},
    {"incident": KUTDR, "kind": "air defence interception (drones shot down)", "place": "Kutum", "region": "North Darfur", "country": "Sudan", "date": "2026-03-10", "articles": [A3]},
    {"incident": SAFWK, "kind": "period total (army-claimed operations)", "place": "Darfur and Kordofan", "country": "Sudan", "start": "2026-03-03", "end": "2026-03-10", "articles": [A2], "note": "'during the past week'"},
    {"incident": RSF26, "kind": "period total (civilians killed by the RSF, per the government)", "place": "Darfur", "country": "Sudan", "start": "2026-01-01", "end": "2026-03-10", "articles": [A2]},
    {"incident": SAFAIR26, "kind": "period total (civilians killed by army air strikes, per the RSF administration)", "place": "Darfur and Kordofan", "country": "Sudan", "start": "2026-01-01", "end": "2026-03-10", "articles": [A3]},
    {"incident": NDAR26, "kind": "period total (civilian deaths recorded by OCHA)", "place": "North Darfur", "country": "Sudan", "start": "2026-01-01", "end": "2026-03-11", "articles": [A4]},
    {"incident": WARSD, "kind": "war total", "place": "Sudan", "country": "Sudan", "start": "2023-04-15", "end": "2026-03-12", "articles": [A1, A4, A6]},
    {"incident": KADSH, "kind": "shelling", "place": "Kadugli", "site": "central market and Hajar al-Mak neighbourhood", "region": "South Kordofan", "country": "Sudan", "date": "2026-03-16", "articles": [A9]},
    {"incident": KADDR, "kind": "drone strike", "place": "Kadugli", "site": "Kadugli Teaching Hospital", "region": "South Kordofan", "country": "Sudan", "date": "2026-03-19", "articles": [A9]},
    {"incident": KAD26, "kind": "period total (civilians killed by shelling and drones)", "place": "Kadugli", "region": "South Kordofan", "country": "Sudan", "start": "2026-01-01", "end": "2026-03-20", "articles": [A9]},
    {"incident": ZMI, "kind": "missile and drone strike", "place": "Zmiiv", "place_aliases": ["Zmiyov"], "site": "Zmiiv thermal power plant and neighbouring dormitory", "region": "Kharkiv region", "country": "Ukraine", "date": "2026-04-12", "articles": [A5, A7, A8], "note": "overnight into (Orthodox) Easter Sunday 12 April"},
    {"incident": UAN412, "kind": "missile and drone attack (nationwide, overnight)", "place": "Ukraine", "country": "Ukraine", "date": "2026-04-12", "articles": [A5], "note": "the whole overnight attack of which the Zmiiv strike was part"},
    {"incident": UAWK412, "kind": "period total (munitions launched at Ukraine)", "place": "Ukraine", "country": "Ukraine", "start": "2026-04-06", "end": "2026-04-12", "articles": [A5], "note": "'over the past week'"},
    {"incident": RUDR412, "kind": "drone attack (interceptions)", "place": "Belgorod, Kursk and Bryansk regions", "country": "Russia", "date": "2026-04-12", "articles": [A7]},
    {"incident": SHEB, "kind": "drone strike", "place": "Shebekino", "region": "Belgorod region", "country": "Russia", "date": "2026-04-12", "articles": [A7]},
    {"incident": RUDAILY, "kind": "period total (Ukrainian losses claimed by the Russian Defence Ministry)", "place": "line of contact", "country": "Ukraine", "start": "2026-04-11", "end": "2026-04-12", "articles": [A7], "note": "'in the past 24 hours'; includes the sub-count near Volchansk and Liptsy"},
    {"incident": WARUA, "kind": "war total", "place": "Ukraine", "country": "Ukraine", "start": "2022-02-24", "end": "2026-04-14", "articles": [A7, A8]},
    {"incident": BAL, "kind": "strike (on a heat and power plant)", "place": "Balakliia", "region": "Kharkiv region", "country": "Ukraine", "start": "2026-03-01", "end": "2026-03-31", "articles": [A8], "note": "'last month' in an article of 14 April"},
    {"incident": UAEN03, "kind": "period total (civilian casualties in attacks on energy facilities)", "place": "Ukraine", "country": "Ukraine", "start": "2026-03-01", "end": "2026-03-31", "articles": [A8]},
    {"incident": KHA, "kind": "guided aerial bomb strike", "place": "Kharkiv", "site": "nine-storey apartment block, Saltivskyi district", "region": "Kharkiv region", "country": "Ukraine", "date": "2026-03-14", "articles": [A10], "note": "date only from URL /2026/03/14/, dateline 'March 14' and 'on Saturday'"},
    {"incident": UAN314, "kind": "drone and missile attack (nationwide, overnight)", "place": "Ukraine", "country": "Ukraine", "date": "2026-03-14", "articles": [A10]},
    {"incident": BELG, "kind": "drone strike", "place": "Belgorod region", "site": "road near the border", "country": "Russia", "date": "2026-03-14", "articles": [A10]},
    {"incident": KHAWK, "kind": "period total (guided bombs dropped)", "place": "Kharkiv region", "country": "Ukraine", "start": "2026-03-08", "end": "2026-03-14", "articles": [A10], "note": "'in the past week'"},
]

# ---------------------------------------------------------------- sources
ERR = ["Kutum Emergency Response Room", "Emergency Response Room", "Kutum Emergency Room", "local volunteer group", "volunteer group", "volunteers"]
TIBIN = ["Adam Haroun Tibin", "Tibin", "Dr. Adam Haroun Tibin", "Dr Adam Haroun Tibin", "health director", "Civil Administration of North Darfur", "RSF-installed civil administration", "civil administration"]
ADMIN = ["Civil Administration of North Darfur", "Civil Administration", "North Darfur Civil Administration", "RSF-installed Civil Administration", "Adam Haroun Tibin", "Tibin"]
HAWA = ["Hawa Ismail Abdelkarim", "Abdelkarim", "Hawa Ismail"]
ARMY1 = ["Sudanese army spokesman", "army spokesman", "Sudanese army", "army", "spokesman", "Sudanese Armed Forces"]
NURSE = ["nurse", "a nurse who asked not to be named"]
MEDICS = ["medics", "Medics at Kutum's only functioning hospital"]
RESID = ["residents"]
LIND = ["Marta Lindqvist", "Lindqvist", "CareBridge International", "CareBridge"]
RIGHTS = ["rights groups"]
UNAG = ["UN agencies", "United Nations", "UN"]
AFP = ["AFP", "Agence France-Presse"]

MIRG = ["Khalid al-Tayeb Mirghani", "Mirghani", "Brigadier General Khalid al-Tayeb Mirghani", "Sudanese Armed Forces spokesman", "official spokesman of the Sudanese Armed Forces", "Sudanese Armed Forces", "armed forces", "spokesman", "army"]
STMT2 = ["Sudanese Armed Forces", "statement", "Khalid al-Tayeb Mirghani", "Mirghani", "spokesman", "armed forces", "army"]
NUR = ["Abdelrahim Hassan al-Nur", "al-Nur", "Nur", "Minister of Culture and Information", "minister"]
MILSRC = ["military sources"]
GENCMD = ["General Command of the Armed Forces", "General Command", "Sudanese Armed Forces", "armed forces"]
PLATF = ["militia-affiliated platforms", "reports circulated by militia-affiliated platforms", "platforms"]
SUNA = ["Sudan News Agency", "SUNA"]

ARMY3 = ["Sudanese army", "army", "Port Sudan army"]
WITN = ["witnesses"]
JUMAA = ["Omar Abakar Jumaa", "Jumaa", "RSF spokesman", "spokesman for the Rapid Support Forces", "Rapid Support Forces", "RSF"]
DAWAL = ["Ibrahim Musa Dawalbeit", "Dawalbeit", "head of the Civil Administration"]
TRADERS = ["traders", "Traders in Kutum"]
KHOSP = ["Kutum hospital", "hospital"]
WADI = ["Wadi Hawar"]

OCHA = ["OCHA", "UN Office for the Coordination of Humanitarian Affairs", "Office for the Coordination of Humanitarian Affairs", "humanitarian partners", "health workers"]
OCHA_OWN = ["OCHA", "UN Office for the Coordination of Humanitarian Affairs", "Office for the Coordination of Humanitarian Affairs"]
PARTN = ["humanitarian partners", "partners"]
IOM = ["IOM Displacement Tracking Matrix", "IOM", "Displacement Tracking Matrix", "International Organization for Migration", "DTM"]
MEDDIR = ["hospital's medical director", "medical director", "Kutum hospital medical director"]
SAF4 = ["Sudanese Armed Forces", "armed forces", "Sudanese army", "army"]
ASHF = ["Clementine Ashford-Boateng", "Ashford-Boateng", "Humanitarian Coordinator for Sudan", "Humanitarian Coordinator"]

TK = ["Serhiy Tkachuk", "Tkachuk", "head of the Kharkiv Regional Military Administration", "Kharkiv Regional Military Administration", "regional military administration"]
SKH = ["SkhidGen", "plant's operator", "Iryna Bondar", "Bondar"]
BONDAR = ["Iryna Bondar", "Bondar", "SkhidGen chief executive", "SkhidGen"]
GRID = ["regional grid operator", "grid operator"]
AF = ["Air Force of the Armed Forces of Ukraine", "Air Force", "Ukrainian Air Force", "Ukraine's Air Force"]
KOVAL = ["Andriy Koval", "Koval", "Foreign Ministry spokesperson", "Ukrainian Foreign Ministry", "Ukraine's foreign ministry"]
PROS = ["Kharkiv Regional Prosecutor's Office", "Prosecutor's Office", "Regional Prosecutor's Office", "prosecutors"]
UKRINFORM = ["Ukrinform"]

YAGOUB = ["Ibrahim Saleh Yagoub", "Yagoub", "Dr Ibrahim Saleh Yagoub", "medical director", "Kutum hospital medical director"]
ELAW = ["Emergency Lawyers", "Sudanese rights group", "rights group"]
YACOUB = ["Yacoub Adam"]
AIDW = ["aid workers"]
DISPL = ["displaced people", "many"]

MOD = ["Russian Defence Ministry", "Defence Ministry", "Russian Defense Ministry", "Defense Ministry", "Russian Ministry of Defence", "Ministry of Defence", "Ministry of Defense", "Russia's Defence Ministry", "Russia's Ministry of Defence", "MoD"]
UAOFF = ["Ukrainian officials"]
ZHUK = ["Andrei Zhukovsky", "Zhukovsky", "head of the Russian-installed administration of the Kharkov region", "Russian-installed administration of the Kharkov region", "Russian-installed administration"]
RUFM = ["Russian Foreign Ministry", "Foreign Ministry", "Russia's Foreign Ministry"]
MIRNY = ["Vyacheslav Mirny", "Mirny", "Belgorod Region Governor", "Belgorod governor"]

HRMMU = ["UN Human Rights Monitoring Mission in Ukraine", "HRMMU", "UN Human Rights Monitoring Mission", "Human Rights Monitoring Mission in Ukraine", "UN monitors", "monitoring mission", "mission"]
SES = ["State Emergency Service", "Ukraine's State Emergency Service", "State Emergency Service of Ukraine", "emergency service", "SES"]
OKAFOR = ["Danielle Okafor", "Okafor", "head of the HRMMU"]
MARCH = ["Elena Marchetti", "Marchetti", "UN Resident and Humanitarian Coordinator for Ukraine", "Humanitarian Coordinator for Ukraine", "Humanitarian Coordinator"]
OCHAU = ["OCHA", "UN Office for the Coordination of Humanitarian Affairs", "Office for the Coordination of Humanitarian Affairs"]

KHEALTH = ["South Kordofan health officials", "health officials", "Mohamed Osman al-Amin", "al-Amin", "South Kordofan Ministry of Health"]
AMIN = ["Mohamed Osman al-Amin", "al-Amin", "Dr Mohamed Osman al-Amin", "director-general of the South Kordofan Ministry of Health", "South Kordofan Ministry of Health"]
DIV14 = ["14th Infantry Division", "army's 14th Infantry Division", "14th Division", "Sudanese army", "army"]
GOV = ["Babiker Adam Hamdoun", "Hamdoun", "South Kordofan Governor", "governor"]
KRC = ["Kadugli Resistance Committees", "Resistance Committees"]
FSA = ["Founding Sudan Alliance", "Osman Abdelrahman Bakheet", "Bakheet"]
BAKH = ["Osman Abdelrahman Bakheet", "Bakheet", "Founding Sudan Alliance spokesman", "Founding Sudan Alliance", "spokesman"]
WHO = ["World Health Organization", "WHO"]
FERR = ["Nadia Ferreira", "Ferreira", "Dr Nadia Ferreira", "WHO representative in Sudan", "World Health Organization", "WHO"]
KMOH = ["South Kordofan Ministry of Health", "state health ministry", "health ministry", "South Kordofan health officials"]
KUKU = ["Amal Kuku", "Kuku"]
UN = ["United Nations", "UN"]
STRIB = ["Sudan Tribune"]

TK10 = ["Serhiy Tkachuk", "Tkachuk", "governor of the Kharkiv region", "Kharkiv governor", "regional officials"]
MAYOR = ["Oleksandr Hrytsenko", "Hrytsenko", "Kharkiv Mayor", "mayor"]
SES10 = ["State Emergency Service", "emergency service"]
MOSCOW = ["Moscow", "Russia"]
KOVAL10 = ["Andriy Koval", "Koval", "Ukraine's foreign ministry spokesperson", "foreign ministry spokesperson", "Ukrainian foreign ministry"]
UAF10 = ["Ukraine's air force", "air force", "Ukrainian air force"]
OFFTH = ["officials there", "local officials", "officials"]

exec(open(os.path.join(HERE, "make_gold_items.py")).read())

# ---------------------------------------------------------------- checks
def norm(s):
    return re.sub(r"\s+", " ", s.replace('"', "").replace("\u201c", "").replace("\u201d", "")).strip().lower()

texts = {}
for a in ARTICLES:
    fn = [f for f in os.listdir(HERE) if f.startswith(a) and f.endswith(".txt")][0]
    texts[a] = open(os.path.join(HERE, fn)).read()

problems = []
for it in ITEMS:
    t = texts[it["article"]]
    if it["kind"] == "quote":
        if it["text"] not in t:
            problems.append(("quote not verbatim", it["article"], it["text"][:60]))
    if it["kind"] == "statement":
        if norm(it["text"]) not in norm(t):
            problems.append(("statement text not in article", it["article"], it["text"][:60]))
    if it.get("note") and it["kind"] != "quote":
        head = it["note"].split(" (")[0].split("; ")[0]
        head = re.sub(r"^(headline|unattributed|outlet voice): ", "", head)
        for frag in re.split(r"\s*\.\.\.,?\s*", head):
            if frag and norm(frag) not in norm(t):
                problems.append(("note not in article", it["article"], frag[:70]))
for p in problems:
    print("CHECK:", p)

# ---------------------------------------------------------------- write gold
with open(os.path.join(HERE, "gold_g.jsonl"), "w") as fh:
    for it in ITEMS:
        fh.write(json.dumps({k: v for k, v in it.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")
with open(os.path.join(HERE, "gold_incidents.jsonl"), "w") as fh:
    for inc in INCIDENTS:
        fh.write(json.dumps(inc, ensure_ascii=False) + "\n")

ids = {i["incident"] for i in INCIDENTS}
used = {it["incident"] for it in ITEMS if it["kind"] == "figure"}
print("incident ids used but not listed:", sorted(used - ids - {NONE}))
print("incident ids listed but not used:", sorted(ids - used))

exec(open(os.path.join(HERE, "make_gold_pairs.py")).read())
