"""Shared machinery of the extractors: compiled cues, noun-phrase names, and the
per-article actor registry that resolves later mentions (surnames, titles,
"the ministry", pronouns) to the actor first named.

Everything here works on the spaCy parse; nothing names a particular person,
place or outlet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from graph.rules import Lexicon, load_lexicon
from graph.types import Actor, Article, Evidence

DROP_LEADING = {
    "the", "a", "an", "this", "that", "these", "those", "another", "several", "some",
    "many", "other", "both", "all", "few", "various", "numerous", "two", "three",
    "most", "one", "any", "its", "their", "his", "her", "our", "my", "your",
}
NAME_LEFT_DEPS = {"det", "amod", "compound", "poss", "nmod", "case", "nummod", "npadvmod", "quantmod", "punct", "advmod"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
#: Bodies a person speaks of as theirs: "her organisation", "his ministry" stand for the person.
OWN_BODY_NOUNS = {"organisation", "organization", "group", "team", "agency", "office", "charity", "ministry",
                  "department", "unit", "monitor", "ngo", "network", "foundation", "institute", "project"}
PLURAL_PRONOUNS = {"they", "them", "we"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
SPEAKER_NOUNS = {"official", "source", "witness", "expert", "analyst", "journalist", "diplomat",
                 "commander", "spokesman", "spokeswoman", "spokesperson", "lawmaker", "blogger", "medic"}
FEMALE_WORDS = {"mrs", "ms", "miss", "madam", "spokeswoman", "woman", "mother", "wife", "daughter",
                "sister", "grandmother", "widow", "chairwoman", "congresswoman", "businesswoman", "servicewoman"}
MALE_WORDS = {"mr", "sir", "spokesman", "man", "father", "husband", "son", "brother", "grandfather",
              "widower", "chairman", "congressman", "businessman", "serviceman"}
QUOTE_CHARS = "\"“”„«»‘’'"


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


def _phrases(words) -> tuple[tuple[str, ...], ...]:
    out = {tuple(str(w).lower().split()) for w in words}
    return tuple(sorted(out, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=8)
def compile_cues(lexicon: Lexicon | None = None) -> Cues:
    """Compile a lexicon (the packaged one by default) into :class:`Cues`."""
    lx = lexicon or load_lexicon()
    hedges = lx.raw.get("hedges", {})
    return Cues(
        reporting_verbs=lx.words("reporting_verbs"),
        weak_reporting_verbs=lx.words("weak_reporting_verbs"),
        reporting_nouns=lx.words("reporting_nouns"),
        according_to=_phrases(lx.raw.get("according_to", [])),
        hedge_approx=_phrases(hedges.get("approx", [])),
        hedge_at_least=_phrases(hedges.get("at_least", [])),
        hedge_at_most=_phrases(hedges.get("at_most", [])),
        vague={tuple(k.split()): (float(v[0]), float(v[1])) for k, v in lx.table("vague_amounts").items()},
        number_words={k: float(v) for k, v in lx.table("number_words").items()},
        multipliers={k: float(v) for k, v in lx.table("multipliers").items()},
        quantity_nouns=lx.inverse("quantity_nouns"),
        quantity_verbs=lx.inverse("quantity_verbs"),
        people_nouns=lx.words("people_nouns"),
        criticism_verbs=lx.words("criticism_verbs"),
        criticism_nouns=lx.words("criticism_nouns"),
        criticism_adjectives=lx.words("criticism_adjectives"),
        fault_nouns=lx.words("fault_nouns"),
        fault_verbs=lx.words("fault_verbs"),
        accountability_words=lx.words("accountability_words"),
        demand_verbs=lx.words("demand_verbs"),
        dismissal_verbs=lx.words("dismissal_verbs"),
        dismissal_words=lx.words("dismissal_words"),
        denial_verbs=lx.words("denial_verbs"),
        channels={k: str(v) for k, v in lx.table("channels").items()},
        event_nouns=lx.inverse("event_nouns"),
        weapons=lx.words("weapons"),
        organization_heads=lx.words("organization_heads"),
        person_heads=lx.words("person_heads"),
        group_heads=lx.words("group_heads"),
        outlet_words=lx.words("outlet_words"),
        non_actor_heads=lx.words("non_actor_heads"),
        anaphoric_titles=lx.words("anaphoric_titles"),
        demonyms={k: str(v) for k, v in lx.table("demonyms").items()},
        countries=lx.words("countries"),
        harm_verbs=lx.words("harm_verbs"),
        intent_verbs=lx.words("intent_verbs"),
        channel_last_words=frozenset(str(k).lower().split()[-1] for k in lx.table("channels")),
        accusation_adverbs=lx.words("accusation_adverbs"),
        protected_nouns=lx.words("protected_nouns"),
        fault_adjectives=lx.words("fault_adjectives"),
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


MALE_NAMES_IN_A = {"nikita", "ilya", "ilia", "luka", "luca", "kuzma", "foma", "mustafa", "hamza", "musa", "isa",
                    "yahya", "joshua", "sasha", "misha", "andrea", "akira", "osama", "taha", "juma", "abdullah",
                    "attila", "jonah", "noah", "elijah", "micah", "zakaria", "zakariya", "zachariah", "yehuda",
                    "nicola", "costa", "dima", "vova", "kolya", "petya", "seryozha", "mykyta", "yura"}


def guess_gender(name: str) -> str | None:
    """A weak guess from a first name: most names ending in -a are women's in the
    languages of conflict news (Olena, Natalya, Maria), with a list of men's
    exceptions (Nikita, Ilya); any other name stays unknown."""
    words = name.split()
    if not words:
        return None
    first = words[0].lower().strip(".")
    if len(first) < 3 or not first.isalpha():
        return None
    if first in MALE_NAMES_IN_A:
        return "m"
    if first.endswith("a"):
        return "f"
    return None


def _head(name: str) -> str:
    """The head word of a name: the last word before an "of" phrase."""
    words = re.findall(r"[\w]+", name.lower().split(" of ")[0])
    return words[-1] if words else ""


def norm_key(name: str) -> str:
    """A normalized key for a name: lower case words, no punctuation or articles."""
    text = name.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    words = [w for w in re.findall(r"[\w]+", text) if w not in {"the", "a", "an", "of"}]
    return " ".join(words)


def clean_name(text: str) -> str:
    text = text.strip().strip(QUOTE_CHARS + ",;:()[]- ").strip()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"(’s|'s)$", "", text)
    # an unbalanced bracket cuts the name from something else: "Dec 30 (Reuters" -> "Reuters"
    if "(" in text and ")" not in text:
        text = text.rsplit("(", 1)[1].strip() or text
    elif ")" in text and "(" not in text:
        text = text.split(")", 1)[0].strip() or text
    return text


# --- actor references -------------------------------------------------------------


@dataclass
class ActorRecord:
    """A mutable actor record inside one article's registry."""

    key: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    affiliation: str | None = None
    side: str | None = None
    narrator: bool = False

    def freeze(self) -> Actor:
        return Actor(
            name=self.name,
            type=self.type,
            aliases=tuple(sorted(a for a in self.aliases if a and a != self.name)),
            role=self.role,
            affiliation=self.affiliation,
            side=self.side,
            narrator=self.narrator,
        )


class Context:
    """Per-article analysis shared by the extractors: sentences, chrome, quotes
    and actor resolution. Built once per Doc; never leaves extraction."""

    def __init__(self, doc: Doc, article: Article, cues: Cues) -> None:
        self.doc = doc
        self.article = article
        self.cues = cues
        self.sents: list[Span] = list(doc.sents)
        self.sent_index = {}
        for n, sent in enumerate(self.sents):
            for tok in sent:
                self.sent_index[tok.i] = n
        self.chrome_sent = [self._overlaps_chrome(s) for s in self.sents]
        self._ent_at: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self._ent_at[i] = ent
        self.actors: dict[str, ActorRecord] = {}
        self._order: list[str] = []
        self._token_actor: dict[int, str | None] = {}
        self._pronoun: dict[int, str | None] = {}
        self.quotes = []  # filled by graph.extract.quotes.find_quotes
        self.quote_of_token: dict[int, int] = {}
        self.gender: dict[str, str] = {}
        self.guessed_gender: dict[str, str] = {}
        self._alias: dict[str, str] = {}
        self.places: frozenset[str] | None = None  # filled by graph.extract.events.known_places

    # -- sentences and evidence ----------------------------------------------------
    def _overlaps_chrome(self, sent: Span) -> bool:
        a, b = sent.start_char, sent.end_char
        return any(a < e and s < b for s, e in self.article.chrome)

    def sentence_of(self, tok: Token) -> int:
        return self.sent_index[tok.i]

    def is_chrome(self, tok: Token) -> bool:
        return self.chrome_sent[self.sent_index[tok.i]]

    def evidence(self, begin: int, end: int) -> Evidence:
        """Evidence spanning the sentences that cover ``[begin, end)``."""
        first = self.sent_index[self.doc.char_span(begin, end, alignment_mode="expand")[0].i] if end > begin else 0
        last_tok = self.doc.char_span(begin, end, alignment_mode="expand")[-1]
        last = self.sent_index[last_tok.i]
        start = self.sents[first].start_char
        stop = self.sents[last].end_char
        text = self.article.text
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        return Evidence(self.article.id, start, stop, text[start:stop])

    def sentence_evidence(self, sent_no: int) -> Evidence:
        sent = self.sents[sent_no]
        return self.evidence(sent.start_char, sent.end_char)

    # -- names -----------------------------------------------------------------------
    def entity_of(self, tok: Token) -> Span | None:
        return self._ent_at.get(tok.i)

    def np_span(self, head: Token) -> tuple[int, int]:
        """Token range [start, end) of the name-like part of the NP headed by ``head``."""
        start = end = head.i
        for child in head.lefts:
            if child.dep_ in NAME_LEFT_DEPS:
                start = min(start, child.left_edge.i)
        for child in head.rights:
            if child.dep_ == "prep" and (child.lower_ == "of" or (
                    child.lower_ == "for" and head.is_title and any(p.dep_ == "pobj" and p.is_title for p in child.children))):
                sub_end = child.right_edge.i
                # stop at an apposition, clause or parenthesis inside "of ..."
                for t in child.subtree:
                    if t.dep_ in {"appos", "relcl", "acl"} or t.text in {",", "(", "—", "–"}:
                        sub_end = min(sub_end, t.i - 1)
                        break
                end = max(end, sub_end)
            elif child.dep_ in {"compound", "flat", "nummod"} or (child.dep_ == "amod" and child.i == head.i + 1):
                end = max(end, child.right_edge.i)
        doc = self.doc
        while start < head.i and (doc[start].lower_ in DROP_LEADING or doc[start].is_punct):
            start += 1
        while end > head.i and doc[end].is_punct:
            end -= 1
        return start, end + 1

    def name_of(self, head: Token) -> tuple[str, str | None]:
        """``(name, role)`` for the NP headed by ``head``."""
        doc = self.doc
        start, end = self.np_span(head)
        ent = self.entity_of(head)
        possessed = self._possessed_name(head) if ent is not None and ent.label_ == "ORG" else None
        if possessed is not None:
            return clean_name(doc[possessed[0]:possessed[1]].text), clean_name(doc[start:possessed[0]].text) or None
        # an entity that starts with "the" the NP span leaves out still starts the NP
        ent_first = ent.start + 1 if ent is not None and doc[ent.start].lower_ == "the" and len(ent) > 1 else \
            (ent.start if ent is not None else 0)
        if ent is not None and ent.label_ in {"PERSON", "ORG"} and ent_first >= start and (ent.end <= end or ent.label_ == "ORG"):
            name = clean_name(ent.text)
            lead = [t for t in doc[start:ent.start] if t.lower_ not in DROP_LEADING]
            role_tokens = lead if ent.label_ == "PERSON" else []
            role = clean_name(doc[lead[0].i:ent.start].text) if role_tokens else None
            if ent.label_ == "ORG":
                # the whole organisation name ("... for Migration") with its modifiers
                s0, e0 = min(start, ent_first), max(end, ent.end)
                e0 = self._spelled_out_to(s0, e0) or e0  # "... Location and Event Data Project (ACLED)"
                acronym_next = (self._bracketed(e0) or "").isupper()
                if e0 - s0 <= 10 or (acronym_next and e0 - s0 <= 16):  # a long name its acronym confirms
                    name = clean_name(doc[s0:e0].text)
            return name or clean_name(head.text), role or None
        # a person name not tagged as an entity: trailing proper nouns after a role
        if head.pos_ == "PROPN":
            propn_start = head.i
            while propn_start - 1 >= start and doc[propn_start - 1].pos_ == "PROPN":
                propn_start -= 1
            if propn_start > start and doc[propn_start - 1].pos_ in {"NOUN", "ADJ"} and \
                    doc[propn_start - 1].lemma_.lower() in self.cues.person_heads:
                role = clean_name(doc[start:propn_start].text)
                return clean_name(doc[propn_start:end].text), role
        if head.is_title:
            end = self._spelled_out_to(start, end) or end  # "... Location and Event Data Project (ACLED)"
        return clean_name(doc[start:end].text), None

    def _spelled_out_to(self, start: int, end: int) -> int | None:
        """Where a name cut short by the tagger really ends, when an acronym in brackets
        spells it out: "the Armed Conflict Location | and Event Data Project (ACLED)"
        ends before "(" because A-C-L-E-D are the initials of its capitalised words."""
        doc = self.doc
        j = end
        while j < min(len(doc), end + 8) and doc[j].text != "(":
            if not (doc[j].is_title or doc[j].lower_ in {"and", "of", "for", "the", "on", "in", "&"}):
                return None
            j += 1
        acronym = self._bracketed(j) if j > end else None
        if not (acronym and acronym.isupper() and acronym.isalpha() and 3 <= len(acronym) <= 8):
            return None
        initials = "".join(t.text[0] for t in doc[start:j] if t.is_title and t.lower_ != "the")
        if initials.upper().startswith(acronym):
            return j
        # "Group | for the Support of Islam and Muslims (JNIM)": a bare generic head, named in
        # another language's initials, takes its "for/of ..." phrase up to the bracket
        head = doc[end - 1].lemma_.lower()
        if (head in self.cues.organization_heads or head in self.cues.group_heads) and doc[end].lower_ in {"for", "of"}:
            return j
        return None

    def _bracketed(self, i: int) -> str | None:
        """The one token between brackets at ``i``: "(ACLED)" -> "ACLED"; else None."""
        doc = self.doc
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            return doc[i + 1].text
        return None

    # -- actor typing ----------------------------------------------------------------
    def actor_type(self, head: Token) -> str | None:
        """The actor type of the NP headed by ``head``, or None if it is no actor."""
        c = self.cues
        lemma = head.lemma_.lower()
        lower = head.lower_
        if lower in c.non_actor_heads or lemma in c.non_actor_heads:
            return None
        if head.like_num or head.pos_ in {"NUM", "VERB", "AUX", "ADV", "ADP", "SCONJ", "CCONJ", "PART", "SYM"}:
            return None
        if any(c.lower_ == "whose" for c in head.lefts):
            return None  # "whose husband": a relative, not a named actor
        if (lemma in c.people_nouns or lower in c.people_nouns) and lemma not in SPEAKER_NOUNS and \
                any(ch.dep_ == "nummod" or ch.like_num for ch in head.lefts):
            return None  # "about 1,300 servicemen": counted people, not a source
        ent = self.entity_of(head)
        label = ent.label_ if ent is not None else ""
        if head.is_upper and len(head.text) > 2 and label in {"GPE", "LOC", ""} and head.i < 6:
            return None  # a dateline: "PORT CITY, Country (Agency) -"
        if label == "PERSON" or (label in {"GPE", "LOC", "NORP", ""} and head.pos_ == "PROPN" and self._looks_like_person(head, ent)):
            return "person"
        if label == "ORG" and self._possessed_name(head) is not None:
            return "person"  # "Al Jazeera's Yousef Qandil": an outlet's reporter
        if label in {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE", "LOC", "FAC", "PRODUCT"}:
            if lemma in c.organization_heads:
                return "organization"
            if label == "PRODUCT" and lower in c.channels:
                return "channel"
            return None
        if lemma == "channel" or (lemma == "account" and head.dep_ != "pobj") or \
                (lower in c.channels and head.pos_ == "PROPN"):
            return "channel"
        if label == "ORG":
            if self._is_outlet(head):
                return "outlet"
            return "organization"
        if label == "GPE":
            return "organization"
        if label == "NORP":
            return "group" if head.tag_ in {"NNS", "NNPS"} else "organization" if head.pos_ == "PROPN" else None
        plural = head.tag_ in {"NNS", "NNPS"}
        if plural and (lemma in c.group_heads or lower in c.group_heads):
            return "group"
        if lemma in c.person_heads or lower in c.person_heads:
            return "group" if plural else "person"
        if lemma in c.organization_heads or lower in c.organization_heads:
            return "outlet" if self._is_outlet(head) else "organization"
        if head.pos_ == "PROPN" and head.is_title:
            return "organization"
        return None

    PLACE_WORDS = frozenset({"republic", "city", "region", "oblast", "state", "kingdom", "union", "province",
                             "district", "county", "island", "islands", "valley", "strip", "bank", "coast", "sea",
                             "river", "mountains", "federation", "emirates", "territory", "krai", "governorate"})

    def _looks_like_person(self, head: Token, ent: Span | None) -> bool:
        """A name the tagger took for a place: 'X Y, who...' / 'X Y, whose...', or a
        two- or three-word name that speaks ('X Y said')."""
        tokens = list(ent) if ent is not None else [t for t in head.lefts if t.dep_ == "compound"] + [head]
        if not 2 <= len(tokens) <= 3 or not all(t.is_title and t.pos_ == "PROPN" for t in tokens):
            return False
        if any(t.lower_ in self.PLACE_WORDS or t.lower_ in self.cues.demonyms or t.lemma_.lower() in self.cues.organization_heads
               or t.lower_ in self.cues.group_heads or t.lower_ in self.cues.person_heads for t in tokens):
            return False
        for child in head.children:
            if child.dep_ == "relcl" and any(c.lower_ in {"who", "whose", "whom"} for c in child.subtree):
                return True
        verb = head.head
        return head.dep_ == "nsubj" and verb.lemma_.lower() in self.cues.reporting_verbs | {"speak", "tell", "add"}

    def _possessed_name(self, head: Token) -> tuple[int, int] | None:
        """Token range of a person's name after an organisation's possessive
        ("X's First Last"), or None."""
        poss = [c for c in head.children if c.dep_ == "poss" and c.i < head.i]
        if not poss or head.pos_ != "PROPN":
            return None
        start = poss[-1].right_edge.i + 1
        while start < head.i and self.doc[start].dep_ == "case":
            start += 1
        names = self.doc[start:head.i + 1]
        if not 2 <= len(names) <= 3 or not all(t.pos_ == "PROPN" and t.is_title for t in names):
            return None
        if any(t.lemma_.lower() in self.cues.organization_heads or t.lower_ in self.cues.person_heads for t in names):
            return None
        return start, head.i + 1

    def _is_outlet(self, head: Token) -> bool:
        start, end = self.np_span(head)
        words = {t.lower_ for t in self.doc[start:end]}
        return bool(words & {"news", "agency", "newspaper", "broadcaster", "television", "radio", "tv"})

    # -- registry --------------------------------------------------------------------
    def _register(self, name: str, type_: str, role: str | None = None) -> str | None:
        key = norm_key(name)
        if not key:
            return None
        key = self._alias.get(key, key)
        if key in self.actors:
            rec = self.actors[key]
            if role and not rec.role:
                rec.role = role
            return key
        resolved = self._resolve_partial(key, type_, name)
        if resolved is None:
            resolved = self._upgrade_shorter(key, name, type_)
        if resolved is not None:
            rec = self.actors[resolved]
            rec.aliases.add(name)
            if role and not rec.role:
                rec.role = role
            self._alias[key] = resolved
            return resolved
        rec = ActorRecord(key=key, name=name, type=type_, role=role)
        rec.side = self._side_of(" ".join(filter(None, [name, role])))
        self.actors[key] = rec
        self._order.append(key)
        return key

    @staticmethod
    def _same_family(a: str, b: str) -> bool:
        orgs = {"organization", "outlet", "group"}
        return (a == "person" and b == "person") or (a in orgs and b in orgs)

    def _resolve_partial(self, key: str, type_: str, name: str) -> str | None:
        """An earlier actor that this shorter mention stands for: a surname, or an
        organisation name whose words are all in the earlier name."""
        words = key.split()
        for other in reversed(self._order):
            rec = self.actors[other]
            if not self._same_family(type_, rec.type):
                continue
            owords = norm_key(rec.name).split()
            if type_ == "person":
                if len(words) == 1 and len(owords) > 1 and owords[-1] == words[0]:
                    return other
            elif len(words) < len(owords) and set(words) <= set(owords) and _head(name) == _head(rec.name):
                return other
        return None

    def _upgrade_shorter(self, key: str, name: str, type_: str) -> str | None:
        """An earlier, shorter mention of this fuller name ("the Defense Ministry"
        before "the Russian Defense Ministry", a surname before the full name):
        the record takes the fuller name and keeps the shorter one as an alias."""
        words = key.split()
        if re.search(r"[\d()\[\]]", name):
            return None
        for other in reversed(self._order):
            rec = self.actors[other]
            if not self._same_family(type_, rec.type) or rec.narrator:
                continue
            owords = norm_key(rec.name).split()
            if type_ == "person":
                fits = len(owords) == 1 and len(words) > 1 and words[-1] == owords[0]
            else:
                fits = len(owords) < len(words) and set(owords) <= set(words) and _head(rec.name) == _head(name)
            if fits:
                rec.aliases.add(rec.name)
                rec.name = name
                rec.side = rec.side or self._side_of(name)
                return other
        return None

    def _side_of(self, text: str) -> str | None:
        for word in re.findall(r"[\w-]+", text.lower()):
            base = word.removeprefix("pro-")
            base = re.sub(r"-(backed|installed|appointed|controlled|led|made|supplied|based)$", "", base)
            if base in self.cues.demonyms:
                return self.cues.demonyms[base]
        return None

    def resolve_mentions(self) -> None:
        """Register named actors in text order and resolve pronoun subjects.

        Run after the quotes are found: words inside quotes are the speaker's, so
        they neither register actors nor change who "he", "she" or "they" is.
        Salience goes to subjects; "he" and "she" skip a person whose gender is
        known to differ (from honorifics, role words, or earlier pronouns).
        """
        persons: list[str] = []  # person keys, most recent subject last
        mentioned: list[str] = []  # any person mention, most recent last
        groups: list[str] = []  # plural or collective subjects
        orgs: list[str] = []  # organisations as subjects
        speakers: list[str] = []  # non-person subjects of reporting verbs
        for sent, chrome in zip(self.sents, self.chrome_sent):
            if chrome:
                continue
            for tok in sent:
                if self.quote_of_token.get(tok.i) is not None:
                    continue
                low = tok.lower_
                subject = tok.dep_ in {"nsubj", "nsubjpass"}
                if subject and tok.pos_ == "NOUN" and tok.lemma_.lower() in OWN_BODY_NOUNS:
                    # "X said her organisation had recorded 58 strikes": the speaker's body, named by her
                    poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in {"her", "his"}), None)
                    if poss is not None and not any(c.pos_ == "PROPN" for c in tok.children):
                        gender = "f" if poss.lower_ == "her" else "m"
                        key = self._pick_person(persons, gender) or self._pick_person(mentioned, gender)
                        if key:
                            self._pronoun[tok.i] = key
                            continue
                # "according to her": a pronoun that attributes, resolved like a subject
                attributing = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
                if tok.pos_ == "PRON" and (subject or attributing):
                    if low in PERSON_PRONOUNS:
                        gender = "f" if low in {"she", "her"} else "m"
                        key = self._pick_person(persons, gender) or self._pick_person(mentioned, gender)
                        self._pronoun[tok.i] = key
                        if key:
                            self.gender.setdefault(key, gender)
                            persons.append(key)
                    elif low in {"they", "them"}:
                        pool = (speakers if self._reports(tok) and speakers else []) or groups or orgs
                        self._pronoun[tok.i] = pool[-1] if pool else None
                    elif low == "it":
                        org_speakers = [k for k in speakers if self.actors[k].type in {"organization", "outlet"}]
                        pool = (org_speakers if self._reports(tok) and org_speakers else []) or orgs
                        self._pronoun[tok.i] = pool[-1] if pool else None
                    continue
                is_head = tok.ent_iob_ in {"B", "I"} and (tok.i + 1 == len(self.doc) or self.doc[tok.i + 1].ent_iob_ != "I")
                if not (is_head and tok.ent_type_ in {"PERSON", "ORG"}) and not subject:
                    continue
                key = self.actor_key(tok)
                if key is None:
                    continue
                rec = self.actors[key]
                if rec.type == "channel" or low in self.cues.channels:
                    continue
                if rec.type == "person":
                    mentioned.append(key)
                    if subject or tok.dep_ == "appos" and tok.head.dep_ in {"nsubj", "nsubjpass"}:
                        persons.append(key)
                    self._learn_gender(tok, key)
                elif subject:
                    (groups if rec.type == "group" or tok.tag_ in {"NNS", "NNPS"} else orgs).append(key)
                    if rec.type in {"organization", "outlet"}:
                        groups.append(key)
                    if self._reports(tok):
                        speakers.append(key)

    def resolve_roles(self) -> dict[str, str]:
        """Bare roles ("the regional governor" in a headline or lede) that one
        named person of the article holds ("Governor X", "X, the regional
        governor"): role key -> person key. The role record keeps its name as an
        alias of the person."""
        out: dict[str, str] = {}
        people = [k for k in self._order if self.actors[k].type == "person" and self.actors[k].role]
        for key in self._order:
            rec = self.actors[key]
            words = rec.name.split()
            if rec.type != "person" or not words or any(w[:1].isupper() for w in words):
                continue
            head = words[-1].lower()
            if head not in self.cues.person_heads:
                continue
            holders = [k for k in people if k != key and re.search(rf"\b{re.escape(head)}\b", (self.actors[k].role or "").lower())]
            if len(holders) == 1:
                out[key] = holders[0]
                self.actors[holders[0]].aliases.add(rec.name)
        return out

    def _reports(self, subj: Token) -> bool:
        """Is this subject the subject of a reporting verb?"""
        return subj.head.lemma_.lower() in self.cues.reporting_verbs

    def _pick_person(self, keys: list[str], gender: str) -> str | None:
        """The most recent person whose gender (known, or guessed from the first
        name) does not contradict the pronoun."""
        for key in reversed(keys):
            if self.gender.get(key, self.guessed_gender.get(key, gender)) == gender:
                return key
        return None

    def _learn_gender(self, tok: Token, key: str) -> None:
        if key in self.gender:
            return
        ent = self.entity_of(tok)
        start = ent.start if ent is not None else tok.i
        words = {t.lower_.rstrip(".") for t in self.doc[max(0, start - 3):start]}
        role = (self.actors[key].role or "").lower().split()
        words.update(role)
        if words & FEMALE_WORDS:
            self.gender[key] = "f"
        elif words & MALE_WORDS:
            self.gender[key] = "m"
        else:
            guess = guess_gender(self.actors[key].name)
            if guess:
                self.guessed_gender[key] = guess

    def actor_key(self, head: Token) -> str | None:
        """The registry key of the actor named by the NP headed by ``head``."""
        if head.i in self._token_actor:
            return self._token_actor[head.i]
        key = self._actor_key_uncached(head)
        self._token_actor[head.i] = key
        return key

    def _actor_key_uncached(self, head: Token) -> str | None:
        low = head.lower_
        if head.i in self._pronoun:
            return self._pronoun[head.i]
        if low in RELATIVE_PRONOUNS and head.head.dep_ in {"relcl", "acl"}:
            return self.actor_key(head.head.head)
        if head.pos_ == "PRON":
            return None
        ent0 = self.entity_of(head)
        if head.is_title and (ent0 is None or ent0.label_ != "PERSON") and len(ent0 or [head]) == 1:
            # a known person's surname the tagger missed or mislabelled: "..., Zelenskyy said"
            for key in reversed(self._order):
                rec = self.actors[key]
                if rec.type == "person" and len(rec.name.split()) > 1 and rec.name.split()[-1] == head.text:
                    return key
        # "A spokesman for the mission, X, said": the parse hangs the name from the mission
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.cues.person_heads:
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "at", "with"}):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    for appos in (c for c in pobj.children if c.dep_ == "appos"):
                        ent = self.entity_of(appos)
                        if ent is not None and ent.label_ == "PERSON":
                            key = self.actor_key(appos)
                            if key:
                                return key
        # an appositive person name beats a role head: "another blogger, X (...)"
        for child in head.children:
            if child.dep_ == "appos" and self.actor_type(child) == "person" and self.actor_type(head) in {"person", "group", None}:
                if self.entity_of(child) is not None:
                    key = self.actor_key(child)
                    if key:
                        role = clean_name(self.doc[self.np_span(head)[0]:head.i + 1].text)
                        if role and not self.actors[key].role:
                            self.actors[key].role = role
                        return key
        type_ = self.actor_type(head)
        if type_ is None:
            return None
        name, role = self.name_of(head)
        if not name or not re.search(r"[^\W\d_]", name):
            return None
        if type_ in {"person", "group", "organization"} and self._is_bare_title(head, name):
            anaphor = self._resolve_title(head.lemma_.lower())
            if anaphor is not None:
                return anaphor
        for child in head.children:
            if child.dep_ == "appos":
                r = clean_name(self.doc[self.np_span(child)[0]:child.right_edge.i + 1].text)
                if r and self.actor_type(child) != "person":
                    role = role or r[:80]
        key = self._register(name, type_, role)
        if key is not None and type_ in {"person", "group"} and not self.actors[key].affiliation:
            self.actors[key].affiliation = self._affiliation_of(head)
        if key is not None:
            for alias in self._aliases_of(head):
                self.actors[key].aliases.add(alias)
        return key

    def _affiliation_of(self, head: Token) -> str | None:
        """The body a person speaks for: 'a spokesman for the ministry', 'a former
        official with the X administration', 'the head of the Y agency'."""
        for appos in [c for c in head.children if c.dep_ == "appos"] + [head]:
            for prep in appos.children:
                if prep.dep_ != "prep" or prep.lower_ not in {"for", "with", "of", "at", "from"}:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and self.actor_type(pobj) in {"organization", "outlet"}:
                        start, end = self.np_span(pobj)
                        return clean_name(self.doc[start:end].text) or None
        return None

    def _is_bare_title(self, head: Token, name: str) -> bool:
        """'the governor', 'the ministry': a role word alone, with the definite article."""
        words = name.split()
        det = [c for c in head.children if c.dep_ == "det"]
        return len(words) == 1 and bool(det) and det[0].lower_ == "the" and \
            head.lemma_.lower() in self.cues.anaphoric_titles and head.pos_ != "PROPN"

    def _resolve_title(self, title: str) -> str | None:
        """The last actor named with ``title`` ("the ministry": the Defence Ministry); only
        when none is, the last one with it in their role (the ministry's spokeswoman)."""
        pattern = re.compile(rf"\b{re.escape(title)}")
        for field in ("name", "role"):
            for key in reversed(self._order):
                if pattern.search((getattr(self.actors[key], field) or "").lower()):
                    return key
        return None

    def _aliases_of(self, head: Token) -> list[str]:
        """'X (known as Y)', 'X, also known as Y', 'X, nicknamed Y'."""
        out = []
        for t in head.subtree:
            if t.lemma_.lower() in {"know", "nickname", "call", "dub"} and t.dep_ in {"acl", "appos", "relcl"}:
                for c in t.subtree:
                    if c.pos_ == "PROPN" and c.dep_ in {"pobj", "oprd", "attr", "dobj", "appos"}:
                        start, end = c.left_edge.i, c.right_edge.i + 1
                        out.append(clean_name(self.doc[start:end].text))
        return out

    def actor_of(self, head: Token) -> Actor | None:
        key = self.actor_key(head)
        return self.actors[key].freeze() if key else None

    def outlet_known(self) -> bool:
        return bool(self.article.outlet or infer_outlet(self.article))

    def narrator(self) -> Actor:
        """The outlet as narrator of the article."""
        name = self.article.outlet or infer_outlet(self.article) or "the outlet"
        key = norm_key(name) or "outlet"
        rec = self.actors.get(key)
        if rec is None:
            rec = ActorRecord(key=key, name=name, type="outlet")
            self.actors[key] = rec
            self._order.append(key)
        rec.narrator = True
        return rec.freeze()

    def all_actors(self) -> list[Actor]:
        return [self.actors[k].freeze() for k in self._order]


_NAME = r"((?:The )?[A-Z][\w&]*(?:\.[A-Z])*\.?(?: [A-Z][\w&]*){0,3})"
_OUTLET_PATTERNS = (
    # a wire dateline: "CITY, Country, March 3 (Agency) -"
    re.compile(r"(?m)^[A-Z][A-Z .'’-]+(?:, [A-Z][\w .]+?)?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})? \(([A-Z][\w .&/-]{1,30}?)\) ?[-—–]"),
    re.compile(_NAME + r" (?:has|have|had|could|did|was|were) not (?:been able to )?(?:independently )?(?:verif|confirm)"),
    re.compile(_NAME + r" (?:could|can|was unable to|cannot)(?:not)? ?(?:independently )?(?:verif|confirm)"),
    re.compile(r"(?im)^\s*Support (?:for )?" + _NAME + r"!?\s*$"),
    re.compile(r"\bsupporting " + _NAME + r","),
    re.compile(r"\bReporting from [A-Z][\w -]+, " + _NAME + r"[’']s "),
)


def infer_outlet(article: Article) -> str | None:
    """The outlet's name from the article's own voice when metadata lacks it:
    a wire dateline "(Agency) -", "X has not independently verified", "Support X!"."""
    for pattern in _OUTLET_PATTERNS:
        m = pattern.search(article.text)
        if m:
            name = m.group(1).strip().split(". ")[-1].strip()
            name = re.sub(r"\s*/.*$", "", name)  # "AP Photo/..." -> "AP"
            if name.lower() not in {"it", "we", "they", "he", "she", "this", "the", "i"} and len(name) > 1:
                return name
    return None
