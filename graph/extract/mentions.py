"""Who the article's mentions are: the per-article actor registry that resolves later
mentions (surnames, titles, "the ministry", pronouns) to the actor first named.

A :class:`Context` is made once per parsed article; making it finds the quotations
and resolves the mentions outside them, in text order, before any extractor runs.
Extractors then ask it who a noun phrase names (:meth:`Context.actor_key`); a phrase
no earlier pass looked at is resolved on first request and remembered, so the order
of the extractors (data, in the lexicon) decides the order new actors are met.

May import: spaCy tokens, ``graph.names``, ``graph.gazetteer``, ``graph.types``, the
``graph.extract`` reading modules (document, phrases, naming, bodies, home). Everything here
works on the parse; nothing names a particular person, place or outlet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from graph import gazetteer
from graph.extract.bodies import is_national_body, is_short_form, is_unnamed
from graph.extract.cues import Cues
from graph.extract.home import home_country, national_key
from graph.extract.naming import clean_name, guess_gender, head_word, infer_outlet
from graph.extract.phrases import Phrases
from graph.names import norm_key
from graph.types import Actor, Article

PERSON_PRONOUNS = {"he", "she", "him", "her"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


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
    #: The merge key of a national body named without its country (graph/extract/home.py).
    merge_key: str | None = None
    #: The article of a group the text does not name ("officials"): an unresolved mention.
    scope: str | None = None

    def freeze(self) -> Actor:
        return Actor(
            name=self.name,
            type=self.type,
            aliases=tuple(sorted(a for a in self.aliases if a and a != self.name)),
            role=self.role,
            affiliation=self.affiliation,
            side=self.side,
            narrator=self.narrator,
            key=self.merge_key,
            scope=self.scope,
        )


class Context(Phrases):
    """One article's document with its actors: the registry every extractor asks
    who a phrase names. Never leaves extraction."""

    def __init__(self, doc: Doc, article: Article, cues: Cues) -> None:
        super().__init__(doc, article, cues)
        self.actors: dict[str, ActorRecord] = {}
        self._order: list[str] = []
        self._token_actor: dict[int, str | None] = {}
        self._pronoun: dict[int, str | None] = {}
        self.gender: dict[str, str] = {}
        self.guessed_gender: dict[str, str] = {}
        self._alias: dict[str, str] = {}
        self.frames: list = []  # the attribution frames, set once quotes have speakers (graph.extract.frames)
        self.home = home_country(doc, cues)  # the country the article names most, if one leads
        self.resolve_mentions()

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
        if resolved is None and type_ == "person" and role:
            resolved = self._name_the_role(name, role)
        if resolved is not None:
            rec = self.actors[resolved]
            rec.aliases.add(name)
            if role and not rec.role:
                rec.role = role
            self._alias[key] = resolved
            return resolved
        rec = ActorRecord(key=key, name=name, type=type_, role=role)
        rec.side = self._side_of(" ".join(filter(None, [name, role])))
        if type_ == "organization" and rec.side is None and (merge_key := national_key(name, self.home, self.cues)):
            rec.merge_key, rec.side = merge_key, self.home
        self.actors[key] = rec
        self._order.append(key)
        return key

    def _name_the_role(self, name: str, role: str) -> str | None:
        """The one earlier mention by role alone that this named person with that role is:
        "the regional governor said" in the lede, "Governor Ilia Marsk said" after. The
        record takes the name and keeps the role phrase as an alias; with two persons so
        titled, or with a side that differs, it stays apart."""
        title = head_word(role)
        if not title or title not in self.cues.person_heads:
            return None
        side = self._side_of(f"{name} {role}")
        holders = [k for k in self._order if self.actors[k].type == "person"
                   and title in {head_word(self.actors[k].name), head_word(self.actors[k].role or "")}]
        if len(holders) != 1:
            return None
        rec = self.actors[holders[0]]
        if rec.name != rec.name.lower() or (side and rec.side and side != rec.side):
            return None  # already named, or another side's
        rec.aliases.add(rec.name)
        rec.role, rec.name = rec.role or rec.name, name
        rec.side, rec.scope = rec.side or side, None
        return holders[0]

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
                # a surname, or one of the later names of a name of three or more words
                # ("Halyk" for "Petro Halyk Varenko")
                if len(words) == 1 and len(owords) > 1 and (owords[-1] == words[0] or
                                                            (len(owords) > 2 and words[0] in owords[1:])):
                    return other
            elif ((len(words) < len(owords) and set(words) <= set(owords) and head_word(name) == head_word(rec.name))
                  or is_short_form(name, rec.name, self.cues)) and not is_national_body(name, self.cues):
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
                fits = ((len(owords) < len(words) and set(owords) <= set(words) and head_word(rec.name) == head_word(name))
                        or is_short_form(rec.name, name, self.cues)) and not is_national_body(rec.name, self.cues)
            if fits:
                rec.aliases.add(rec.name)
                rec.name = name
                rec.side = rec.side or self._side_of(name)
                return other
        return None

    def _affiliate(self, key: str, head: Token) -> None:
        """Give the actor the body its mention names, and that body's side when it has
        none ("head of the Russian-installed administration")."""
        rec = self.actors[key]
        rec.affiliation = rec.affiliation or self._affiliation_of(head)
        if rec.affiliation and not rec.side:
            rec.side = self._side_of(rec.affiliation)

    def _side_of(self, text: str) -> str | None:
        for word in re.findall(r"[\w-]+", text.lower()):
            base = word.removeprefix("pro-")
            base = re.sub(r"-(backed|installed|appointed|controlled|led|made|supplied|based)$", "", base)
            if base in self.cues.demonyms:
                return self.cues.demonyms[base]
            if word[:1].isalpha() and (country := gazetteer.country_of_adjective(base)) is not None:
                return country  # "Malian forces"
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
                if subject and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.cues.own_body_nouns:
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
        if words & self.cues.female_words:
            self.gender[key] = "f"
        elif words & self.cues.male_words:
            self.gender[key] = "m"
        else:
            guess = guess_gender(self.actors[key].name, self.cues)
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
                        self._affiliate(key, head)
                        return key
        type_ = self.actor_type(head)
        if type_ is None:
            return None
        name, role = self.name_of(head)
        if not name or not re.search(r"[^\W\d_]", name):
            return None
        if type_ in {"person", "group", "organization"} and (self._is_bare_title(head, name) or self._is_same(head, name)):
            anaphor = self._resolve_title(head.lower_ if self._is_same(head, name) else head.lemma_.lower())
            if anaphor is not None:
                return anaphor
        for child in head.children:
            if child.dep_ == "appos":
                r = clean_name(self.doc[self.np_span(child)[0]:child.right_edge.i + 1].text)
                if r and self.actor_type(child) != "person":
                    role = role or r[:80]
        known = len(self._order)
        key = self._register(name, type_, role)
        fresh = len(self._order) > known  # a new record, not an earlier actor this mention resolved to
        if key is not None and type_ in {"person", "group", "organization"}:  # named once: resolved
            unnamed = is_unnamed(self, head)
            rec = self.actors[key]
            rec.scope = self.article.id if unnamed and rec.merge_key is None and (fresh or rec.scope) else None
        if key is not None and type_ in {"person", "group"}:
            self._affiliate(key, head)
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
        if any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in head.children):  # "its spokesman"
            bodies = (self.actors[k] for k in reversed(self._order) if self.actors[k].type == "organization")
            return next((a.name for a in bodies if not a.narrator), None)
        return None

    def _is_bare_title(self, head: Token, name: str) -> bool:
        """'the governor', 'the ministry': a role word alone, with the definite article."""
        words = name.split()
        det = [c for c in head.children if c.dep_ == "det"]
        return len(words) == 1 and bool(det) and det[0].lower_ == "the" and \
            head.lemma_.lower() in self.cues.anaphoric_titles and head.pos_ != "PROPN"

    @staticmethod
    def _is_same(head: Token, name: str) -> bool:
        """'the same authorities', 'the same official': the body named before."""
        return name.lower().split()[:1] == ["same"] and len(name.split()) == 2 and head.pos_ != "PROPN"

    def _resolve_title(self, title: str) -> str | None:
        """The last actor named with ``title`` ("the ministry": the Defence Ministry); only
        when none is, the last one with it in their role (the ministry's spokeswoman), and
        for a category word (``category_titles``: "the group") the last actor of its type."""
        pattern = re.compile(rf"\b{re.escape(title)}")
        for attr in ("name", "role"):
            for key in reversed(self._order):
                if pattern.search((getattr(self.actors[key], attr) or "").lower()):
                    return key
        kind = self.cues.category_titles.get(title)  # "the group": the last body named by name (not a heading line), its type first
        named = [k for k in reversed(self._order) if kind and self.actors[k].type in {"group", "organization"}
                 and not self.actors[k].narrator and self.actors[k].name[:1].isupper()
                 and not re.search(rf"^[ \t]*{re.escape(self.actors[k].name)}[ \t]*$", self.article.text, re.MULTILINE)]
        return next((k for k in named if self.actors[k].type == kind), named[0] if named else None)

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
