"""Scale: builds of 1,000 and 10,000 generated articles against bare ``nlp.pipe``.

    python bench/scale.py [--articles 1000 10000] [--processes 1 2] [--repeat 1]
                          [--modes spacy,build] [--dask local:2] [--html] [--seed 13]

The articles are generated, not downloaded: news stories composed from templates
of the sentences this tool reads (a headline, a photo caption, a wire dateline,
attributed figures in digits and in words, hedges and ranges, quotes with their
speakers, criticism, denials, background, and page chrome such as "Read more",
newsletter boxes and editor lines), with invented people, places, sides and
outlets drawn from a seeded random generator. Article ``i`` is the same for every
corpus size, so the 1,000 corpus is the head of the 10,000 one.

For each size the corpus is written once to a JSONL file. Then, for each number
of processes, two runs, each in a fresh subprocess so that memory figures do not
mix:

- ``spacy``: bare ``nlp.pipe`` over the texts (streamed from the file, same
  model, same ``batch_size`` and ``n_process`` as a build);
- ``build``: ``run_build`` on the JSONL file with ``n_process`` (reading, chrome,
  parse, extraction, RDF, claims.jsonl, serialization of graph.trig; graph.html
  only with ``--html``);
- ``dask`` (with ``--dask ADDRESS``): the same build with extraction on Dask (run
  once, beside the largest number of processes; ``--processes`` does not apply).

Each run prints articles/s, words/s and the peak memory: ``peak_rss`` is the
highest sampled sum of the RSS of the run's process tree (the process and every
child: spaCy's ``n_process`` workers for bare spaCy, the build's parse-and-extract
workers, Dask's workers) and is an upper bound (pages shared after fork count
once per process); ``maxrss`` is the kernel's high-water mark of the run's
process alone; ``cpu`` is the CPU time of the run's process tree (``main``: the
run's own process, which reads the articles and does the RDF when workers parse
and extract). Every build line has the
ratio to bare spaCy at the same number of processes, in wall time (``ratio``)
and in CPU time (``cpu_ratio``, much less sensitive to other load on the
machine), and the last lines give the speedup of 2 processes over 1. Targets: ratio >= 0.85, 2 processes >= 1.7x one, peak RSS
<= 3 GB at 10,000 articles. Models are loaded inside the timed part of both runs.
"""
from __future__ import annotations

import os
import sys

# bench/ holds html.py, which would shadow the standard library's html module
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    sys.path.pop(0)

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from itertools import islice  # noqa: E402
from pathlib import Path  # noqa: E402

# ---------------------------------------------------------------------------
# The article generator
# ---------------------------------------------------------------------------

FIRST = ["Anna", "Oleg", "Marta", "Tomas", "Irena", "Pavel", "Lena", "Viktor", "Sofia", "Andrei", "Nadia",
         "Ruslan", "Katya", "Dmitri", "Yana", "Boris", "Alina", "Mikhail", "Vera", "Stefan", "Hana", "Ilya",
         "Daria", "Felix", "Zara", "Omar", "Leila", "Samir", "Maya", "Jonas", "Elena", "Karim", "Petra", "Ivo"]
LAST = ["Marsk", "Virel", "Kostova", "Dranich", "Halvorsen", "Petrak", "Solonin", "Varga", "Benko", "Oravec",
        "Lindqvist", "Tamaz", "Roshko", "Kerimov", "Ulanova", "Zelnik", "Brandt", "Moravec", "Sarkis", "Hadid",
        "Novak", "Gorlov", "Ferenc", "Vasko", "Yilmaz", "Ostrov", "Kalnins", "Reiter", "Dobrev", "Haddad"]
# (country, adjective) of invented sides
SIDES = [("Valdoria", "Valdorian"), ("Korvenia", "Korvenian"), ("Ostmark", "Ostmarkian"), ("Sarvania", "Sarvanian"),
         ("Tellurea", "Tellurean"), ("Brevonia", "Brevonian"), ("Kessaria", "Kessarian"), ("Morvath", "Morvathi")]
# Places are made of syllables: about 2,000 towns and 120 regions, drawn uniformly,
# so that a large corpus has the long tail of places of real coverage (events are
# keyed by place; see --places to concentrate them).
TOWN_HEADS = ["Dor", "Vel", "Ost", "Kal", "Bro", "Ser", "Lum", "Pra", "Zar", "Hol", "Met", "Sab", "Kar", "Tir",
              "Ulm", "Vos", "Gar", "Neb", "Rov", "Yel", "Pash", "Dub", "Ilm", "Kor", "Ald", "Fen", "Mor", "Tep",
              "Bres", "Chel", "Lis", "Nov", "Slav", "Gor", "Bel", "Vin", "Rad", "Kem", "Tor", "Zel"]
TOWN_TAILS = ["nitsa", "mar", "rek", "vany", "dno", "hiv", "eny", "dovo", "uzh", "lin", "rovka", "ir", "vel",
              "esk", "any", "trin", "dany", "rik", "na", "vash", "kiv", "rany", "est", "sun", "eno", "ick", "ash",
              "lin", "an", "ovo", "ograd", "ivka", "opil", "iche", "avets", "omir", "insk", "ura", "ets", "yn",
              "ovsk", "ava", "ichi", "odar", "uny", "eshti", "ovac", "oye", "ar", "ida"]
REGION_WORDS = ["Northern", "Southern", "Eastern", "Western", "Upper", "Lower", "Central", "Coastal"]
REGION_NAMES = ["Vale", "Kharan", "Brod", "Sedna", "Istra", "Malvin", "Steppe", "Orsk", "Delta", "Marches",
                "Highlands", "Plains", "Basin", "Ridge", "Lakes"]
TOWNS = sorted({h + t for h in TOWN_HEADS for t in TOWN_TAILS})
REGIONS = [f"{w} {n}" for w in REGION_WORDS for n in REGION_NAMES]
OUTLETS = ["Meridian Herald", "Northgate Wire", "Baltica Today", "The Continental Post", "Frontline Daily",
           "Radio Vostok Free", "The Evening Ledger", "Capital Courier", "Riverside Times", "Global Dispatch"]
CHANNELS = ["on Telegram", "in a statement", "in a post on X", "in a video address", "on state television",
            "in a Facebook post", "at a news briefing"]
POSTED = ["on Telegram", "in a post on X", "on Facebook", "on his Telegram channel"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
WEAPONS = ["missiles", "drones", "glide bombs", "artillery shells", "rockets", "cluster munitions"]
PLACES = ["a market", "a railway station", "an apartment block", "a school", "a hospital", "a bus stop",
          "a shopping centre", "an industrial site", "a power plant", "a grain terminal"]
WORD_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "fifteen", "twenty", "thirty", "forty", "fifty"]
VAGUE = ["dozens", "scores", "several hundred", "hundreds", "a dozen", "several dozen", "tens"]
VAGUE_OF = ["dozens", "scores", "hundreds", "tens"]
HEDGES = ["at least", "about", "more than", "up to", "nearly", "around", "some", "over"]
QUOTES = [
    "We heard two explosions and then the windows came in",
    "There was no military target anywhere near this place",
    "Our air defence units did everything they could, but the attack was massive",
    "The enemy is deliberately targeting civilians to break our will",
    "We will not be intimidated, and we will rebuild every house",
    "Every one of these deaths will be answered for",
    "The rescue operation will continue through the night",
    "This is what they call a precision strike",
    "People were sleeping when the rockets hit",
    "We are still pulling people from the rubble",
    "Nobody warned us, there was no siren",
    "Our soldiers held the line despite heavy losses",
]
FAULTS = ["failing to disperse its troops", "ignoring repeated warnings about the threat",
          "housing conscripts next to an ammunition depot", "leaving the city without air defence",
          "covering up the true number of casualties", "sending untrained recruits to the front"]
ROLES = ["the governor of the {region} region", "a spokesman for the {adj_a} army", "the mayor of {town}",
         "the head of the regional military administration", "a military analyst at the {region} Institute",
         "a senior police official", "the deputy defence minister", "a local council member"]
BLOGGER_ROLES = ["a pro-war military blogger", "a former commander", "an opposition lawmaker",
                 "a prominent war correspondent", "a retired general"]


class Writer:
    """One article's worth of random choices, with a seeded generator."""

    def __init__(self, rng: random.Random, places: int = len(TOWNS)) -> None:
        self.rng = rng
        self.towns = TOWNS[:places]
        (self.country_a, self.adj_a), (self.country_b, self.adj_b) = rng.sample(SIDES, 2)
        self.town = rng.choice(self.towns)
        self.region = rng.choice(REGIONS)
        self.outlet = rng.choice(OUTLETS)
        self.day = rng.choice(DAYS)
        self.weapon = rng.choice(WEAPONS)
        self.people: list[tuple[str, str]] = []

    def pick(self, items):
        return self.rng.choice(items)

    def person(self) -> tuple[str, str]:
        """A new (name, surname), or one already named in the article."""
        if self.people and self.rng.random() < 0.3:
            return self.pick(self.people)
        first, last = self.pick(FIRST), self.pick(LAST)
        self.people.append((f"{first} {last}", last))
        return self.people[-1]

    def role(self) -> str:
        return self.pick(ROLES).format(region=self.region, adj_a=self.adj_a, town=self.town)

    def number(self, lo: int = 2, hi: int = 400) -> str:
        r = self.rng.random()
        if r < 0.45:
            return str(self.rng.randint(lo, hi))
        if r < 0.65:
            return self.pick(WORD_NUMBERS)
        if r < 0.8:
            return f"{self.pick(HEDGES)} {self.rng.randint(lo, hi)}"
        if r < 0.9:
            return self.pick(VAGUE)
        a = self.rng.randint(lo, hi)
        return f"between {a} and {a + self.rng.randint(2, 40)}"

    def fill(self, template: str) -> str:
        # a bare surname refers to someone already named (or to the next new name)
        known = self.pick(self.people)[1] if self.people else None
        name, surname = self.person()
        other, _ = self.person()
        return template.format(
            a=self, n=self.number(), m=self.number(1, 120), k=self.number(1, 20), n_digits=self.rng.randint(3, 900),
            name=name, surname=known or surname, other=other, role=self.role(), blogger=self.pick(BLOGGER_ROLES),
            channel=self.pick(CHANNELS), posted=self.pick(POSTED), quote=self.pick(QUOTES), quote2=self.pick(QUOTES), fault=self.pick(FAULTS),
            place=self.pick(PLACES), month=self.pick(MONTHS), year=self.rng.randint(2014, 2023),
            town2=self.pick(self.towns), words=self.pick(WORD_NUMBERS), vague=self.pick(VAGUE),
            vague_of=self.pick(VAGUE_OF),
        )


HEADLINES = [
    "{a.adj_a} strike on {a.town} kills {n}, officials say",
    "{a.country_b} says it shot down {n} {a.adj_a} drones overnight",
    "Death toll in {a.town} attack rises to {n_digits}",
    "{a.adj_a} {a.weapon} hit {place} in {a.town}",
    "Anger grows in {a.country_b} over losses near {a.town}",
]
CAPTIONS = [
    "Rescuers work at the site of the strike in {a.town}. Photo: {name} / {a.outlet}",
    "Smoke rises over {a.town} (Telegram)",
    "A damaged building in {a.town} / Reuters",
]
LEADS = [
    "{a.town} ({a.outlet}) — {n} people were killed and {m} injured when {a.adj_a} {a.weapon} hit {place} in "
    "{a.town} early on {a.day}, {name}, {role}, said {channel}.",
    "{a.town} ({a.outlet}) — The {a.adj_b} defence ministry said on {a.day} that {n} of its servicemen had died "
    "in an overnight {a.adj_a} strike on a temporary base near {a.town}.",
    "{a.adj_a} forces launched {n} {a.weapon} at {a.town} overnight, killing {m} civilians, according to {name}, "
    "{role}.",
]
BODY = [
    # attributed figures
    "The {a.adj_b} defence ministry said {n} of its soldiers had been killed, while {a.adj_a} officials put the "
    "toll at {m}.",
    "{name}, {role}, wrote {posted} that {vague_of} of civilians had been wounded in the attack.",
    "According to the regional emergency service, {n} people remain missing under the rubble.",
    "Emergency services said {n} people were injured, {k} of them children.",
    "The {a.adj_a} general staff claimed its forces had destroyed {n} armoured vehicles and killed {m} "
    "{a.adj_b} soldiers over the past week.",
    "Local authorities said {n} residents had been evacuated from {a.town} since {month}.",
    "{name} said {channel} that {n} people had died in hospital overnight, bringing the toll to {n_digits}.",
    "The {a.adj_b} army said its air defences had shot down {n} drones and {words} missiles.",
    "The United Nations said {n} civilians had been killed in the {a.region} region in {month} alone.",
    "{a.adj_a} officials said {n} enemy fighters had been captured near {town2}.",
    # quotes
    "\"{quote},\" {name}, a resident of {a.town}, told {a.outlet}.",
    "\"{quote},\" said {name}, {role}.",
    "{name} said {channel}: \"{quote}.\"",
    "\"{quote},\" {surname} said. \"{quote2}.\"",
    # criticism
    "{name}, {blogger}, criticized the {a.adj_b} command for {fault}.",
    "Opposition lawmakers accused the government of {fault}.",
    "{name} blamed the {a.adj_b} general staff for the heavy losses, calling them a failure of leadership.",
    "Human rights groups condemned the strike and called for those responsible to be held accountable.",
    "{name}, {blogger}, said the commanders who ordered the deployment must be held to account.",
    # hedges, denials and background
    "The {a.adj_a} military did not comment on the report.",
    "{a.adj_a} officials denied targeting civilians and said the strike hit a military depot.",
    "{a.outlet} could not independently verify the figures.",
    "The {a.region} region has been under {a.adj_a} control since {year}.",
    "Air raid sirens sounded across the {a.region} region for almost three hours overnight.",
    "Residents said the power had been cut in several districts of {a.town} after the attack.",
    "The war has displaced {n} families from the area, aid groups say.",
    "The strike came hours after talks between the two sides stalled in {town2}.",
]
# sentences without claims: real stories are about half context and description
BACKGROUND = [
    "The building, a five-storey block built in the 1970s, housed about forty families.",
    "Firefighters worked through the night to put out the blaze, which spread to two neighbouring houses.",
    "Video posted on social media showed a column of black smoke rising over the {a.town} skyline.",
    "{a.town}, which had a population of about {n_digits},000 before the war, lies some 30 kilometres from the front line.",
    "The city has been hit repeatedly since the spring, when {a.adj_a} forces moved artillery closer to the river.",
    "Schools in the district switched to online classes last month because of the shelling.",
    "Trains between {a.town} and {town2} were suspended for several hours while engineers inspected the track.",
    "The two sides have traded accusations over attacks on energy infrastructure throughout the winter.",
    "Western governments have pledged additional air defence systems, but deliveries have been slow.",
    "{a.country_a} and {a.country_b} have both said they are open to talks, but neither has set out terms.",
    "The market had reopened only a week earlier after months of repairs.",
    "Volunteers set up a tent outside the hospital to hand out water and blankets to relatives.",
    "The region's governor declared a day of mourning.",
    "Rescue teams used cranes and sniffer dogs to search the collapsed section of the building.",
    "Shops in the centre of {a.town} stayed closed on {a.day}, and long queues formed at the few pharmacies still open.",
    "The attack was one of the largest on the region since the start of the year.",
    "Analysts have warned that both armies are short of ammunition after months of attritional fighting.",
    "The front line in the {a.region} region has barely moved since the autumn.",
    "Electricity was restored to most homes by the evening, the local energy company said.",
    "Many residents left {a.town} in the first weeks of the war, but some have since returned.",
    "Parliament in {a.country_b} is due to debate a new mobilisation law next month.",
    "The strike hit shortly after the morning rush hour, when the streets were full.",
]
TAILS = [
    ["Read more: {a.adj_a} forces advance near {town2}"],
    ["Sign up for our daily newsletter", "You will receive it in your inbox every morning."],
    ["Reporting by {name}; Editing by {other}"],
    ["Support {a.outlet}!", "Dear readers,", "We need your help to keep reporting from the front line."],
    [],
]


def generate_article(i: int, seed: int = 13, places: int = len(TOWNS)) -> dict:
    """One JSONL record: ``id``, ``title``, ``text``, ``outlet``, ``date``."""
    rng = random.Random(f"{seed}:{i}")
    w = Writer(rng, places)
    title = w.fill(w.pick(HEADLINES))
    title = title[0].upper() + title[1:]
    lines = [title, ""]
    if rng.random() < 0.6:
        lines += [w.fill(w.pick(CAPTIONS)), ""]
    lines += [w.fill(w.pick(LEADS)), ""]
    # no sentence twice; about 25 claims per 1,000 words, as in the sample articles
    sentences = rng.sample(BODY, rng.randint(6, 10)) + rng.sample(BACKGROUND, rng.randint(9, 15))
    rng.shuffle(sentences)
    body = iter(sentences)
    while paragraph := " ".join(w.fill(t) for t in islice(body, rng.randint(1, 3))):
        lines += [paragraph, ""]
    lines += [w.fill(line) for line in w.pick(TAILS)]
    return {"id": f"gen{i:06d}", "title": title, "text": "\n".join(lines).strip() + "\n",
            "outlet": w.outlet, "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}


def write_corpus(path: Path, n: int, seed: int, places: int = len(TOWNS)) -> tuple[int, int]:
    """Write ``n`` articles to a JSONL file, one at a time; ``(articles, words)``."""
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = generate_article(i, seed, places)
            words += len(rec["text"].split())
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return n, words


# ---------------------------------------------------------------------------
# One measured run (in a child process)
# ---------------------------------------------------------------------------

class PeakRSS:
    """Sample the summed RSS of this process and its children every ``interval`` s."""

    def __init__(self, interval: float = 0.2) -> None:
        import psutil

        self.proc, self.interval, self.peak = psutil.Process(), interval, 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def sample(self) -> int:
        import psutil

        total = 0
        for p in [self.proc, *self.proc.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, self.sample())
            self.stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join()


def texts(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)["text"]


def run_spacy(corpus: Path, n_process: int) -> int:
    from graph.nlp import load_pipeline

    nlp = load_pipeline()  # the same pipeline as a build (with the paragraph component)
    n = 0
    for _ in nlp.pipe(texts(corpus), n_process=n_process, batch_size=16):
        n += 1
    return n


def run_pipeline(corpus: Path, n_process: int, *, html: bool, dask: str | None) -> int:
    from functools import partial

    from graph.pipeline.build import run_build

    extractions = None
    if dask:
        from graph.pipeline.distributed import dask_extractions

        extractions = partial(dask_extractions, address=dask)
    out = Path(tempfile.mkdtemp(prefix="scale-out-"))
    try:
        # --max-bytes caps whole input files, and the corpus is one large JSONL file
        summary = run_build([str(corpus)], out, n_process=n_process, html=html, extractions=extractions,
                            max_bytes=corpus.stat().st_size + 1)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return summary.articles


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def child(args: argparse.Namespace) -> None:
    corpus = Path(args.corpus)
    cpu_main, cpu_children = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
    with PeakRSS() as peak:
        start = time.perf_counter()
        if args.child == "spacy":
            n = run_spacy(corpus, args.processes[0])
        else:
            n = run_pipeline(corpus, args.processes[0], html=args.html,
                             dask=args.dask if args.child == "dask" else None)
        seconds = time.perf_counter() - start
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cpu_main = cpu_seconds(resource.RUSAGE_SELF) - cpu_main
    cpu_children = cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_children
    print(json.dumps({"articles": n, "seconds": seconds, "peak_rss": max(peak.peak, self_kb * 1024),
                      "cpu": cpu_main + cpu_children, "cpu_main": cpu_main,
                      "maxrss_self": self_kb * 1024, "maxrss_children": children_kb * 1024}))


# ---------------------------------------------------------------------------
# The driver
# ---------------------------------------------------------------------------

def measure(mode: str, corpus: Path, n_process: int, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, os.path.abspath(__file__), "--child", mode, "--corpus", str(corpus),
           "--processes", str(n_process)]
    if args.html:
        cmd.append("--html")
    if args.dask:
        cmd += ["--dask", args.dask]  # only used by the dask mode
    load_before = os.getloadavg()[0]
    done = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["load"] = (load_before, os.getloadavg()[0])
    return result


def describe(mode: str, n: int, words: int, p: int, r: dict, spacy: dict | None) -> str:
    """One result line; a build's has its ratio to bare spaCy at the same P."""
    line = (f"articles={n} processes={p} mode={mode:<5} seconds={r['seconds']:.1f} "
            f"articles/s={n / r['seconds']:.2f} words/s={words / r['seconds']:,.0f} "
            f"peak_rss={mb(r['peak_rss'])} maxrss={mb(r['maxrss_self'])} "
            f"cpu={r['cpu']:.0f}s(main {r['cpu_main']:.0f}s) "
            f"load={r['load'][0]:.2f}->{r['load'][1]:.2f}")
    if mode != "spacy" and spacy is not None:
        line += f" ratio={spacy['seconds'] / r['seconds']:.3f} cpu_ratio={spacy['cpu'] / r['cpu']:.3f}"
    return line


def mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[1000, 10000], metavar="N")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2], metavar="P")
    ap.add_argument("--modes", default="spacy,build", help="comma-separated: spacy, build (and dask with --dask)")
    ap.add_argument("--dask", default=None, metavar="ADDRESS", help="also time a build with --dask ADDRESS (e.g. local:2)")
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs of each (alternating)")
    ap.add_argument("--html", action="store_true", help="also write graph.html in the build runs")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--places", type=int, default=len(TOWNS),
                    help=f"draw towns from the first N of {len(TOWNS)} (fewer places: more articles per event)")
    ap.add_argument("--sample", action="store_true", help="print one generated article and exit")
    ap.add_argument("--child", choices=["spacy", "build", "dask"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)
    if args.sample:
        print(generate_article(0, args.seed, args.places)["text"])
        return
    modes = [m for m in args.modes.split(",") if m]
    if args.dask and "dask" not in modes:
        modes.append("dask")
    print(f"cpus={os.cpu_count()} load_average={' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="scale-corpus-"))
    try:
        for n in args.articles:
            corpus = work / f"corpus_{n}.jsonl"
            _, words = write_corpus(corpus, n, args.seed, args.places)
            print(f"corpus articles={n} words={words} words_per_article={words / n:.0f} "
                  f"file={mb(corpus.stat().st_size)}", flush=True)
            best: dict[tuple[str, int], dict] = {}
            ps = sorted(args.processes)
            for p in ps:
                # --processes does not apply to a Dask build: it runs once, beside the largest P
                run_modes = [m for m in modes if m != "dask" or p == ps[-1]]
                for _ in range(args.repeat):
                    for mode in run_modes:
                        r = measure(mode, corpus, p, args)
                        if r["articles"] != n:
                            sys.exit(f"{mode}: built {r['articles']} of {n} articles")
                        if (mode, p) not in best or r["seconds"] < best[(mode, p)]["seconds"]:
                            best[(mode, p)] = r
                        if args.repeat > 1:  # every run as it ends; the best ones below
                            print("run  " + describe(mode, n, words, p, r, best.get(("spacy", p))), flush=True)
                for mode in run_modes:
                    print(describe(mode, n, words, p, best[(mode, p)], best.get(("spacy", p))), flush=True)
            for mode in modes:
                if len(ps) > 1 and (mode, ps[0]) in best:
                    for p in ps[1:]:
                        speedup = best[(mode, ps[0])]["seconds"] / best[(mode, p)]["seconds"]
                        print(f"articles={n} mode={mode} speedup {p} vs {ps[0]} processes: {speedup:.2f}x", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load_average={' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
