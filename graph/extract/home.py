"""The article's own country, and the national bodies it names without one.

A story about Russia that says only "the Defense Ministry" means Russia's: a name made of
a state's words alone (the lexicon's ``state_words`` and ``portfolio_words``: "the
Defense Ministry", "the army", "the government") is read as the body of the country the
article names most, when one country clearly leads (at least two mentions, twice the
next). Its merge key is then that country's body's ("Russia's Defense Ministry"), so it
meets the one named in full in other articles, and it takes that side.

May import: spaCy tokens, ``graph.extract.cues``, ``graph.names``, ``graph.gazetteer``.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from graph import gazetteer
from graph.extract.cues import Cues
from graph.names import canonical_key, norm_key

#: The entity labels whose words may name a country (its name, adjective or capital).
_COUNTRY_LABELS = {"GPE", "NORP"}


def home_country(doc: Doc, cues: Cues) -> str | None:
    """The country the article names most (by its name, adjective or capital, counted by ISO
    code), when it clearly leads, else None."""
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in _COUNTRY_LABELS:
            code = _country_of(ent.text, cues)
            if code is not None:
                counts[code] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return gazetteer.country_name(ranked[0][0])


def _country_of(text: str, cues: Cues) -> str | None:
    """The ISO code of the country a name, an adjective or a capital names."""
    key = norm_key(text)
    named = cues.demonyms.get(key) or gazetteer.capital_of(text) or gazetteer.country_of_adjective(key) or text
    return gazetteer.country_code(named)


def national_key(name: str, home: str | None, cues: Cues) -> str | None:
    """The merge key of a national body named without its country ("the Defense Ministry"
    in a story about Russia -> the key of "Russia's Defense Ministry"), else None."""
    words = set(norm_key(name).split())
    if home is None or not words & cues.state_words or not words <= cues.state_words | cues.portfolio_words:
        return None
    return canonical_key(f"{home}'s {name}")
