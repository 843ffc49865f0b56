"""Merging actors: canonical keys, the user's alias file, and corpus-wide links.

Two names are the same actor when their canonical keys are equal. For
organisations and groups the key is the set of their words after normalization
(case, articles, possessives, spellings such as "defence"/"defense", and a
country name in place of its adjective), so "Russian Defense Ministry",
"Russia's defence ministry" and "the Russian Ministry of Defence" meet. For
persons the key is the name in order. Persons and non-persons never share a key.

The alias file (YAML or CSV) gives canonical names, aliases, Wikidata QIDs and
sides, and can split names that the rules would merge. Every merge is recorded
in the dataset with its reason (``ng:Merge``).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from graph.errors import InputError
from graph.names import NameTables, canonical_key, family, norm_key
from graph.types import Actor, Extraction

QID = re.compile(r"^Q\d+$")


@dataclass(frozen=True)
class AliasEntry:
    """One actor of the alias file."""

    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    side: str | None = None
    type: str | None = None
    split: tuple[str, ...] = ()


@dataclass
class AliasTable:
    """The user's alias file, indexed by canonical key."""

    path: str
    entries: list[AliasEntry] = field(default_factory=list)
    names: NameTables | None = None
    _by_key: dict[tuple[str, str], AliasEntry] = field(default_factory=dict)
    _split: set[tuple[str, str]] = field(default_factory=set)

    def __post_init__(self) -> None:
        for entry in self.entries:
            fam = family(entry.type or "organization")
            for n in (entry.name, *entry.aliases):
                for f in ({fam} if entry.type else {"person", "org"}):
                    key = canonical_key(n, "person" if f == "person" else "organization", self.names)
                    self._by_key[(f, key)] = entry
            for n in entry.split:
                for f in ("person", "org"):
                    self._split.add((f, norm_key(n)))

    def lookup(self, actor: Actor) -> AliasEntry | None:
        fam = family(actor.type)
        return self._by_key.get((fam, canonical_key(actor.name, actor.type, self.names)))

    def is_split(self, actor: Actor) -> bool:
        return (family(actor.type), norm_key(actor.name)) in self._split


def load_alias_file(path: str | Path, names: NameTables | None = None) -> AliasTable:
    """Read an alias file: YAML (a list of mappings) or CSV (columns name,
    aliases, wikidata, side, type, split; lists separated by ``|``). Names
    are matched with ``names`` (a user's ``--rules``) or the packaged tables."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(p), f"cannot read alias file: {exc.strerror}") from exc
    if p.suffix.lower() == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
        raw = [{k.strip().lower(): (v or "").strip() for k, v in row.items() if k} for row in rows]
        for row in raw:
            for key in ("aliases", "split"):
                row[key] = [a.strip() for a in row.get(key, "").split("|") if a.strip()]
    elif p.suffix.lower() in {".yaml", ".yml"}:
        try:
            raw = yaml.safe_load(text) or []
        except yaml.YAMLError as exc:
            raise InputError(str(p), f"bad YAML: {str(exc).splitlines()[0]}") from exc
        if isinstance(raw, dict) and "actors" in raw:
            raw = raw["actors"]
    else:
        raise InputError(str(p), f"unsupported alias file type {p.suffix!r} (expected .yaml, .yml or .csv)")
    if not isinstance(raw, list):
        raise InputError(str(p), "alias file must be a list of actors (name, aliases, wikidata, side, type, split)")
    entries = []
    for n, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            raise InputError(str(p), f"entry {n} has no name")
        qid = str(item.get("wikidata") or "").strip() or None
        if qid is not None and not QID.match(qid):
            raise InputError(str(p), f"entry {n} ({item['name']}): wikidata must look like Q123, not {qid!r}")
        type_ = str(item.get("type") or "").strip().lower() or None
        if type_ is not None and type_ not in {"person", "organization", "group", "channel", "outlet"}:
            raise InputError(str(p), f"entry {n} ({item['name']}): type must be one of person, organization, group, channel, outlet")
        entries.append(AliasEntry(
            name=str(item["name"]).strip(),
            aliases=tuple(str(a).strip() for a in item.get("aliases") or [] if str(a).strip()),
            wikidata=qid,
            side=str(item.get("side") or "").strip() or None,
            type=type_,
            split=tuple(str(a).strip() for a in item.get("split") or [] if str(a).strip()),
        ))
    return AliasTable(path=str(p), entries=entries, names=names)


def apply_aliases(ex: Extraction, table: AliasTable | None, names: NameTables | None = None) -> Extraction:
    """Give every actor of an extraction its canonical name from the alias file
    (the written name becomes an alias), its QID and side; names listed under
    ``split`` get a key of their own. With ``names`` (the tables of a user's
    ``--rules``), every actor's merge key is made with them."""
    if table is None and names is None:
        return ex
    cache: dict[Actor, Actor] = {}

    def fix(actor: Actor) -> Actor:
        if actor in cache:
            return cache[actor]
        out = actor
        if table is not None and table.is_split(actor):
            out = replace(actor, key=f"split-{norm_key(actor.name)}")
        else:
            entry = table.lookup(actor) if table is not None else None
            if entry is not None:
                aliases = tuple(dict.fromkeys(a for a in (actor.name, *actor.aliases, *entry.aliases) if a != entry.name))
                out = replace(actor, name=entry.name, aliases=aliases, wikidata=entry.wikidata or actor.wikidata,
                              side=entry.side or actor.side, type=entry.type or actor.type, alias_file=table.path)
            if names is not None and out.key is None:
                out = replace(out, key=canonical_key(out.name, out.type, names) or None)
        cache[actor] = out
        return out

    claims = tuple(replace(c, source=fix(c.source), reported_by=fix(c.reported_by) if c.reported_by else None)
                   for c in ex.claims)
    actors = tuple(dict.fromkeys(fix(a) for a in ex.actors))
    return replace(ex, claims=claims, actors=actors)

