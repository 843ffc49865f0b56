"""The lexicon compiled into cues: lookup sets and tables the extractors match against,
and the small matching helpers that go with them (verb forms, phrases before a token).

May import: spaCy tokens, ``graph.rules``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from graph.rules import Lexicon, load_lexicon


@dataclass(frozen=True)
class Cues:
    """The lexicon compiled into lookup sets and tables for fast matching."""

    reporting_verbs: frozenset[str]
    weak_reporting_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    hedge_approx: tuple[tuple[str, ...], ...]
    hedge_at_least: tuple[tuple[str, ...], ...]
    hedge_at_most: tuple[tuple[str, ...], ...]
    vague: dict[tuple[str, ...], tuple[float, float]]
    number_words: dict[str, float]
    multipliers: dict[str, float]
    quantity_nouns: dict[str, str]
    quantity_verbs: dict[str, str]
    people_nouns: frozenset[str]
    criticism_verbs: frozenset[str]
    criticism_nouns: frozenset[str]
    criticism_adjectives: frozenset[str]
    fault_nouns: frozenset[str]
    fault_verbs: frozenset[str]
    accountability_words: frozenset[str]
    demand_verbs: frozenset[str]
    dismissal_verbs: frozenset[str]
    dismissal_words: frozenset[str]
    denial_verbs: frozenset[str]
    channels: dict[str, str]
    event_nouns: dict[str, str]
    weapons: frozenset[str]
    organization_heads: frozenset[str]
    person_heads: frozenset[str]
    group_heads: frozenset[str]
    outlet_words: frozenset[str]
    non_actor_heads: frozenset[str]
    anaphoric_titles: frozenset[str]
    demonyms: dict[str, str]
    countries: frozenset[str]
    harm_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    channel_last_words: frozenset[str]
    accusation_adverbs: frozenset[str]
    protected_nouns: frozenset[str]
    fault_adjectives: frozenset[str]
    speaker_nouns: frozenset[str]
    own_body_nouns: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]
    male_names_in_a: frozenset[str]
    place_words: frozenset[str]
    region_words: frozenset[str]
    place_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    title_cues: frozenset[str]
    intro_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    mental_verbs: frozenset[str]
    hedging_verbs: frozenset[str]
    hedging_words: frozenset[str]
    severity_adjectives: frozenset[str]
    contempt_nouns: frozenset[str]
    purpose_verbs: frozenset[str]
    accusing_cues: frozenset[str]
    category_titles: dict[str, str]
    cumulative_since: frozenset[str]
    breakdown_places: tuple[str, ...]
    unplaced_phrases: tuple[str, ...]
    increment_words: frozenset[str]
    loss_verbs: frozenset[str]
    stock_verbs: frozenset[str]
    materiel_nouns: frozenset[str]
    honorifics: frozenset[str]
    vessel_prefixes: frozenset[str]
    official_plurals: frozenset[str]
    state_words: frozenset[str]
    portfolio_words: frozenset[str]
    continuation_words: frozenset[str]
    victim_classes: dict[str, str]
    other_incident_words: frozenset[str]
    cumulative_phrases: tuple[str, ...]
    update_words: frozenset[str]
    phrase_kinds: dict[tuple[str, ...], str]
    object_kinds: dict[str, str]
    extractors: tuple[str, ...]


def _phrases(words) -> tuple[tuple[str, ...], ...]:
    out = {tuple(str(w).lower().split()) for w in words}
    return tuple(sorted(out, key=lambda p: (-len(p), p)))


#: The fields of :class:`Cues` that are the lexicon's word list of the same name.
WORD_LISTS: tuple[str, ...] = (
    "reporting_verbs", "weak_reporting_verbs", "reporting_nouns", "people_nouns",
    "criticism_verbs", "criticism_nouns", "criticism_adjectives", "fault_nouns", "fault_verbs",
    "accountability_words", "demand_verbs", "dismissal_verbs", "dismissal_words",
    "denial_verbs", "weapons", "organization_heads", "person_heads", "group_heads",
    "outlet_words", "non_actor_heads", "anaphoric_titles", "countries", "harm_verbs",
    "intent_verbs", "accusation_adverbs", "protected_nouns", "fault_adjectives",
    "speaker_nouns", "own_body_nouns", "female_words", "male_words", "male_names_in_a",
    "place_words", "region_words", "place_nouns", "naming_verbs", "title_cues", "intro_verbs",
    "statement_nouns", "mental_verbs", "hedging_verbs", "hedging_words", "severity_adjectives",
    "contempt_nouns", "purpose_verbs", "accusing_cues", "cumulative_since", "increment_words",
    "loss_verbs", "stock_verbs", "materiel_nouns", "honorifics", "vessel_prefixes", "official_plurals", "state_words", "portfolio_words",
    "continuation_words", "other_incident_words", "update_words",
)


@lru_cache(maxsize=8)
def compile_cues(lexicon: Lexicon | None = None) -> Cues:
    """Compile a lexicon (the packaged one by default) into :class:`Cues`."""
    lx = lexicon or load_lexicon()
    hedges = lx.raw.get("hedges", {})
    return Cues(
        **{name: lx.words(name) for name in WORD_LISTS},
        according_to=_phrases(lx.raw.get("according_to", [])),
        hedge_approx=_phrases(hedges.get("approx", [])),
        hedge_at_least=_phrases(hedges.get("at_least", [])),
        hedge_at_most=_phrases(hedges.get("at_most", [])),
        vague={tuple(k.split()): (float(v[0]), float(v[1])) for k, v in lx.table("vague_amounts").items()},
        number_words={k: float(v) for k, v in lx.table("number_words").items()},
        multipliers={k: float(v) for k, v in lx.table("multipliers").items()},
        quantity_nouns=lx.inverse("quantity_nouns"),
        quantity_verbs=lx.inverse("quantity_verbs"),
        channels={k: str(v) for k, v in lx.table("channels").items()},
        event_nouns=lx.inverse("event_nouns"),
        demonyms={k: str(v) for k, v in lx.table("demonyms").items()},
        channel_last_words=frozenset(str(k).lower().split()[-1] for k in lx.table("channels")),
        category_titles=lx.inverse("category_titles"),
        breakdown_places=tuple(sorted({str(w).lower() for w in lx.raw.get("breakdown_places", [])})),
        unplaced_phrases=tuple(sorted({str(w).lower() for w in lx.raw.get("unplaced_phrases", [])})),
        victim_classes=lx.inverse("victim_classes"),
        cumulative_phrases=tuple(sorted({str(w).lower() for w in lx.raw.get("cumulative_phrases", [])})),
        phrase_kinds={tuple(k.split()): v for k, v in lx.inverse("phrase_kinds").items()},
        object_kinds=lx.inverse("object_kinds"),
        extractors=tuple(dict.fromkeys(str(n) for n in lx.raw.get("extractors", []) or [])),
    )


def verb_forms(tok: Token) -> set[str]:
    """The lemma and a few stems of a word, for lexicon lookups that should
    survive lemmatizer slips ("waging" -> "wag")."""
    low = tok.lower_
    forms = {tok.lemma_.lower(), low}
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ied", "y")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            forms.add(low[: -len(suffix)] + repl)
    return forms


def match_phrase_before(doc: Doc, end: int, phrases: tuple[tuple[str, ...], ...]) -> int | None:
    """Start index of the longest phrase ending just before token ``end``."""
    for phrase in phrases:
        n = len(phrase)
        start = end - n
        if start < 0:
            continue
        if all(doc[start + k].lower_ == phrase[k] for k in range(n)):
            return start
    return None
