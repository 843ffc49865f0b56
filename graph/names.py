"""Names as keys: the normalisers every stage shares, without spaCy.

- :func:`norm_key`: lower case words without punctuation, articles or possessives
  (the key of a channel, an outlet, a split name);
- :func:`canonical_key`: the merge key of an actor's name (see :mod:`graph.rdf.aliases`);
- :func:`family`: persons and non-persons never share a key;
- :func:`display_key`: a label compared as shown (case and a leading "the" aside);
- :func:`is_acronym_of`: "AFC" and "Alliance Fleuve Congo".

May import: ``graph.rules`` (the lexicon's spelling and demonym tables). Never spaCy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.rules import Lexicon, load_lexicon


def norm_key(name: str) -> str:
    """A normalized key for a name: lower case words, no punctuation or articles.

    >>> norm_key("The Ministry of Health's")
    'ministry health'
    """
    text = name.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    words = [w for w in re.findall(r"[\w]+", text) if w not in {"the", "a", "an", "of"}]
    return " ".join(words)


def is_acronym_of(short: str, long: str) -> bool:
    """``short`` is the initials of ``long``'s words (of two or more), as keys or names.

    >>> is_acronym_of("AFC", "Alliance Fleuve Congo"), is_acronym_of("afc", "alliance fleuve congo")
    (True, True)
    >>> is_acronym_of("UN", "United Nations Joint Office"), is_acronym_of("Army", "Alliance Royal My Yard")
    (False, False)
    """
    key, words, cased = norm_key(short), norm_key(long).split(), short.strip()
    one_case = cased.isupper() or cased.islower()
    return one_case and " " not in key and len(words) >= 2 and key == "".join(w[0] for w in words)


@dataclass(frozen=True)
class NameTables:
    """The lexicon's tables that make a merge key: spelling variants
    ("defense" → "defence") and country → adjective ("ukraine" → "ukrainian")."""

    spelling: dict[str, str]
    adjective: dict[str, str]


def name_tables(lexicon: Lexicon) -> NameTables:
    """The name tables of a lexicon (the packaged one merged with a user's ``--rules``)."""
    spelling = {str(k).lower(): str(v).lower() for k, v in lexicon.table("spelling_variants").items()}
    adjective: dict[str, str] = {}
    for adj, country in lexicon.table("demonyms").items():
        adjective.setdefault(str(country).lower(), str(adj).lower())  # first adjective listed wins
    return NameTables(spelling, adjective)


@lru_cache(maxsize=1)
def packaged_tables() -> NameTables:
    """The name tables of the packaged lexicon."""
    return name_tables(load_lexicon())


def canonical_key(name: str, actor_type: str = "organization", tables: NameTables | None = None) -> str:
    """The merge key of a name: persons in word order, others as a sorted word set.
    ``tables`` are the packaged lexicon's unless given (from a user's ``--rules``).

    >>> canonical_key("Russia's defence ministry") == canonical_key("the Russian Ministry of Defense")
    True
    >>> canonical_key("Anna Maria Smith", "person")
    'anna maria smith'
    """
    tables = tables or packaged_tables()
    spelling, adjective = tables.spelling, tables.adjective
    words = []
    for word in norm_key(name).split():
        for part in spelling.get(word, word).split():
            words.append(part)
    if actor_type == "person":
        return " ".join(words)
    if len(words) > 1:
        words = [_adjective(w, adjective) for w in words]
    return " ".join(sorted(set(words)))


def _adjective(word: str, adjective: dict[str, str]) -> str:
    """A country name as its adjective: from the demonym table ("ukraine" ->
    "ukrainian"), else the regular "-a" -> "-an" ("moldova" -> "moldovan")."""
    if word in adjective and not adjective[word].endswith(word):
        return adjective[word]
    if len(word) >= 4 and word.endswith("a"):
        return word + "n"
    return word


def family(actor_type: str) -> str:
    """The key family of an actor type: persons apart from everything else.

    >>> family("person"), family("group")
    ('person', 'org')
    """
    return "person" if actor_type == "person" else "org"


def display_key(name: str) -> str:
    """A label as compared on screen: case-folded, spaces collapsed, no leading "the".

    >>> display_key("The  Health Ministry")
    'health ministry'
    """
    key = " ".join(name.casefold().split())
    return key[4:] if key.startswith("the ") else key
