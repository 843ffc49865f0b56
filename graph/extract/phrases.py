"""Reading a noun phrase as an actor: how far the name runs, the role before it, and
what kind of actor it names (person, organisation, group, outlet, channel) or none.

May import: spaCy tokens, ``graph.gazetteer``, ``graph.extract.document``, ``graph.extract.naming``,
``graph.extract.places``.
"""
from __future__ import annotations

import re
from functools import cached_property

from spacy.tokens import Span, Token

from graph import gazetteer
from graph.extract.document import Document
from graph.extract.naming import clean_name
from graph.extract.places import compound_name

DROP_LEADING = {
    "the", "a", "an", "this", "that", "these", "those", "another", "several", "some",
    "many", "other", "both", "all", "few", "various", "numerous", "two", "three",
    "most", "one", "any", "its", "their", "his", "her", "our", "my", "your",
}
NAME_LEFT_DEPS = {"det", "amod", "compound", "poss", "nmod", "case", "nummod", "npadvmod", "quantmod", "punct", "advmod"}


class Phrases(Document):
    """A document that reads its noun phrases as names, roles and actor types."""

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
        """``(name, role)`` for the NP headed by ``head``, without an honorific ("Mr")."""
        name, role = self._name_and_role(head)
        first, _, rest = name.partition(" ")
        if rest and first.lower().rstrip(".") in self.cues.honorifics:
            name = rest
        return name, role

    def _name_and_role(self, head: Token) -> tuple[str, str | None]:
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
            lead = [t for t in doc[start:ent.start] if t.lower_ not in DROP_LEADING
                    and t.lower_.rstrip(".") not in self.cues.honorifics and not t.is_punct]
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
    def _named_role(self, head: Token, ent) -> bool:
        """A proper name in apposition to a person's role: "its spokesman, NAME"."""
        if head.pos_ != "PROPN" or head.dep_ != "appos" or head.head.lemma_.lower() not in self.cues.person_heads:
            return False
        words = ent if ent is not None else [head]
        return not any(t.lemma_.lower() in self.cues.organization_heads for t in words)

    def _is_town(self, name: str, label: str = "") -> bool:
        """A name the article uses as a place that the gazetteer knows as a town, or that
        it puts after "in" or "near" ("in Lorvan"; whatever the tagger says) or after "on" or
        "towards" (unless tagged an organisation somewhere), and that is not a country or a
        capital (the small model tags "Sumy" or "Kherson" PERSON or ORG)."""
        low = name.lower().removeprefix("the ")
        if low not in self.places:
            return False
        if label == "PERSON" and " " not in low and low in self.located and low not in self._surnames:
            return True  # a town tagged PERSON, though the article says "in" it
        if gazetteer.is_town_only(low):
            return True
        if gazetteer.country_code(low) or gazetteer.capital_of(low):
            return False  # a country or a capital may stand for its government
        if label in {"GPE", "LOC", "FAC", "", "ORG"} and low in self.located:
            return True  # "in Lorvan", "hospitals in Norvan, Sadek and Tyrell" (one tagged ORG)
        return label in {"GPE", "LOC", "FAC", ""} and low in self.reached and low not in self._organisations

    @cached_property
    def _organisations(self) -> frozenset[str]:
        """Lower-cased names the tagger takes for organisations somewhere in the article."""
        return frozenset(clean_name(e.text).lower().removeprefix("the ") for e in self.doc.ents if e.label_ == "ORG")

    def _place_time_or_thing(self, head: Token, ent: Span | None, label: str) -> bool:
        """The NP names no actor but a dateline, a time zone, a ship, a region, a town, a
        weapon or an event."""
        c, lemma, lower = self.cues, head.lemma_.lower(), head.lower_
        if head.is_upper and len(head.text) > 2 and label in {"GPE", "LOC", ""} and (head.i < 6 or _opens_line(head)):
            return True  # a dateline: "PORT CITY, Country (Agency) -", "EL OBEID, 14 May -"
        if self._is_dateline(head) or self._is_clock_zone(head):
            return True  # "Korvan (Wire) -"; "09:30 BST"
        start = self.np_span(head)[0]
        if any(t.is_upper and t.lower_.rstrip(".") in c.vessel_prefixes for t in self.doc[start:head.i + 1]):
            return True  # a ship: "USS Northwind"
        if lemma in c.region_words and head.is_lower and any(t.dep_ == "compound" and t.pos_ == "PROPN" for t in head.lefts):
            return True  # a region as a place: "the Lorvan region" (not "Islamic State")
        if head.dep_ == "compound" and head.head.lemma_.lower() in c.region_words and head.head.is_lower:
            return True  # the name in "the Lorvan region"
        if self._is_town(ent.text if ent is not None else compound_name(head), label):
            return True  # a town the article uses as a place ("in Sumy"); a capital may stand for its government
        if head.dep_ in {"compound", "nmod"} and head.head.lemma_.lower() in c.materiel_nouns:
            return True  # a weapon's name: "Iskander-M missiles", "Patriot systems"
        if head.dep_ == "compound" and head.pos_ == "PROPN" and head.head.lower_ in c.event_nouns:
            return True  # where or when it happened: "the Lorvan strike", "the Korvan attack"
        return not any(t.dep_ == "compound" for t in head.lefts) and (
            lemma in c.event_nouns or lower in c.event_nouns or lower in c.weapons)  # "Shelling killed four"

    def _is_dateline(self, head: Token) -> bool:
        """A name that opens a line and is followed by an agency in brackets and a dash:
        "Korvan (Wire) -", "Lorvan, Northland (Agency) -"."""
        start = self.doc[self.np_span(head)[0]]
        text = self.doc.text
        if start.idx > 0 and "\n" not in text[max(0, start.idx - 2):start.idx]:
            return False
        line = text[head.idx + len(head.text):].split("\n", 1)[0]
        return bool(_DATELINE_TAIL.match(line))

    def _is_clock_zone(self, head: Token) -> bool:
        """An upper-case word right after a clock time: the time zone of "09:30 BST"."""
        return head.is_upper and head.i > 0 and bool(_CLOCK.fullmatch(self.doc[head.i - 1].text))

    @cached_property
    def _surnames(self) -> frozenset[str]:
        """The last words of the names of two or more words the tagger took for persons'."""
        return frozenset(e[-1].lower_ for e in self.doc.ents if e.label_ == "PERSON" and len(e) > 1)

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
        if (lemma in c.people_nouns or lower in c.people_nouns) and lemma not in c.speaker_nouns and \
                any(ch.dep_ == "nummod" or ch.like_num for ch in head.lefts):
            return None  # "about 1,300 servicemen": counted people, not a source
        ent = self.entity_of(head)
        label = ent.label_ if ent is not None else ""
        if self._place_time_or_thing(head, ent, label):
            return None
        if self._titled(head) or (label in {"ORG", "GPE", "LOC", "NORP", ""} and self._role_in_apposition(head)):
            return "person"  # "Mr Halyk said", "Halyk, the chief negotiator, said"
        if label == "PERSON" and (head.tag_ == "NNPS" or (len(ent) == 1 and head.lower_.removesuffix("s") in c.demonyms)) \
                and any(t.lower_ == "the" for t in head.lefts):
            return "group"  # "the Varanis" (the plural of a people's name), tagged PERSON
        if label == "PERSON" and len(ent) == 1 and (gazetteer.country_code(head.text) or gazetteer.capital_of(head.text)):
            return "organization"  # a capital tagged PERSON ("X said"): it stands for its government
        if label == "PERSON" or (label in {"GPE", "LOC", "NORP", ""} and head.pos_ == "PROPN" and self._looks_like_person(head, ent)):
            return "person"
        if label == "ORG" and self._possessed_name(head) is not None:
            return "person"  # "Al Jazeera's Yousef Qandil": an outlet's reporter
        if label in {"ORG", ""} and self._named_role(head, ent):
            return "person"  # "its spokesman, Jean-Bosco Rukundo," though tagged ORG
        if label in {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE", "LOC", "FAC", "PRODUCT"}:
            if lemma in c.organization_heads:
                return "organization"
            if label == "PRODUCT" and lower in c.channels:
                return "channel"
            return None
        if lower in c.channels and head.pos_ == "PROPN" and not any(t.dep_ == "compound" for t in head.lefts):
            return None  # a platform ("on Telegram"): the claim's channel, not an actor
        if head.dep_ == "compound" and head.head.lemma_.lower() in {"channel", "account"}:
            return None  # the name of "the Vostok channel", which is the actor
        if lemma in {"channel", "account"} and head.tag_ in {"NNS", "NNPS"}:
            return "group"  # "opposition Telegram channels"
        if lemma == "channel" or (lemma == "account" and head.dep_ != "pobj"):
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

    def _titled(self, head: Token) -> bool:
        """A proper name after an honorific: "Mr Halyk", "Dr. Anna Marsk"."""
        return head.pos_ == "PROPN" and any(
            t.lower_.rstrip(".") in self.cues.honorifics for t in self.doc[self.np_span(head)[0]:head.i])

    def _role_in_apposition(self, head: Token) -> bool:
        """A proper name with a person's role in apposition: "Halyk, the chief negotiator,"."""
        return head.pos_ == "PROPN" and any(
            c.dep_ == "appos" and c.lemma_.lower() in self.cues.person_heads and c.tag_ not in {"NNS", "NNPS"}
            for c in head.rights)

    def _looks_like_person(self, head: Token, ent: Span | None) -> bool:
        """A name the tagger took for a place: 'X Y, who...' / 'X Y, whose...', or a
        two- or three-word name that speaks ('X Y said')."""
        tokens = list(ent) if ent is not None else [t for t in head.lefts if t.dep_ == "compound"] + [head]
        if not 2 <= len(tokens) <= 3 or not all(t.is_title and t.pos_ == "PROPN" for t in tokens):
            return False
        if any(t.lower_ in self.cues.place_words or t.lower_ in self.cues.demonyms or t.lemma_.lower() in self.cues.organization_heads
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


#: What follows a dateline's place: an optional ", Country", the agency in brackets, a dash.
_DATELINE_TAIL = re.compile(r"(,[^\n(]{0,40})?\s*\([A-Z][^()\n]{0,30}\)\s*[-—–]")
#: A clock time: "09:30", "9.30", "21:05".
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")


def _opens_line(head: Token) -> bool:
    """Upper-case words from the start of a line up to ``head``, then a comma: a dateline
    ("EL OBEID, 14 May -")."""
    i = head.i
    while i > 0 and head.doc[i - 1].is_upper and not head.doc[i - 1].is_space:
        i -= 1
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    return (i == 0 or "\n" in head.doc[i - 1].text_with_ws) and after is not None and after.text == ","
