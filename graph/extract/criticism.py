"""Criticism: critic -> target.

Cues (all in the lexicon): criticism verbs ("criticized", "blamed", "mocked"),
criticism nouns with a source ("criticism of X from Y"), adjectives ("X, critical
of Y"), fault nouns said or shown by someone ("highlighted the incompetence",
"called it a failure", a quote "this is a leadership failure"), demands for
accountability ("called for those responsible to be punished"), and dismissal
("dismissed the report as propaganda"). Negated cues and bare denials are not
criticism.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from spacy.tokens import Token

from graph.extract.attribution import (
    channel_of,
    is_negated,
    reporting_clause_head,
    source_of_verb,
    subject_of,
)
from graph.extract.cues import verb_forms
from graph.extract.mentions import Context
from graph.extract.naming import clean_name
from graph.types import Claim

EXTRACTOR = "criticism.v1"


def _np_text(ctx: Context, tok: Token) -> str:
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    # cut relative clauses and long tails
    for t in tok.subtree:
        if t.dep_ in {"relcl", "acl", "advcl"} and t.i > tok.i:
            end = min(end, t.left_edge.i)
    text = ctx.doc[start:end].text
    return clean_name(text)[:160]


def _target_of_verb(ctx: Context, verb: Token) -> tuple[str | None, str | None]:
    """``(target text, target actor key)`` of a criticism verb."""
    lemma = verb.lemma_.lower()
    dobj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.dep_ != "nsubjpass"), None)
    preps = {c.lower_: c for c in verb.children if c.dep_ == "prep"}
    if lemma == "blame" and "on" in preps:
        pobj = next((c for c in preps["on"].children if c.dep_ == "pobj"), None)
        if pobj is not None:
            part = _on_the_part_of(pobj)
            tgt = part or pobj
            return _np_text(ctx, tgt), ctx.actor_key(tgt)
    if dobj is not None:
        part = _on_the_part_of(dobj)
        if part is None:
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in {"on"}:
                    part = _on_the_part_of(child)
        if part is not None:
            return _np_text(ctx, part), ctx.actor_key(part)
        return _np_text(ctx, dobj), ctx.actor_key(dobj)
    for p in ("of", "on", "at", "over", "for"):
        if p in preps:
            pobj = next((c for c in preps[p].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _np_text(ctx, pobj), ctx.actor_key(pobj)
    return None, None


def _on_the_part_of(tok: Token) -> Token | None:
    """'sloppiness on the part of the command' -> 'command'."""
    for t in tok.subtree:
        if t.lower_ == "part" and t.head.lower_ == "on":
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for pobj in c.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None


def _of_or_by(tok: Token) -> Token | None:
    """'failure of the command', 'mistakes by the generals' -> the holder."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"of", "by"}:
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _critic_of_noun(ctx: Context, noun: Token) -> tuple[str | None, Token | None]:
    """'criticism of X from Y', "Y's criticism", 'Y voiced criticism'."""
    for child in noun.children:
        if child.dep_ == "poss":
            key = ctx.actor_key(child)
            if key:
                return key, None
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "among"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    key = ctx.actor_key(pobj)
                    if key:
                        return key, None
    # "sparked criticism ... from Y" where the prep hangs on the verb
    verb = noun.head
    if verb.pos_ in {"VERB", "AUX"}:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in {"from", "by", "among"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        key = ctx.actor_key(pobj)
                        if key:
                            return key, verb
        if noun.dep_ == "dobj" and verb.lemma_.lower() in {"voice", "express", "level", "direct", "air", "issue", "lodge",
                                                            "file", "register", "raise", "face", "draw"}:
            if verb.lemma_.lower() in {"face", "draw"}:
                return None, None
            subj = subject_of(ctx, verb)
            if subj is not None:
                key = ctx.actor_key(subj)
                if key:
                    return key, verb
    return None, None


def _speaker_of_clause(ctx: Context, tok: Token) -> tuple[str | None, Token | None]:
    """Who says the clause containing ``tok``: the quote's speaker or the subject
    of a reporting verb above it."""
    qi = ctx.quote_of_token.get(tok.i)
    if qi is not None:
        q = ctx.quotes[qi]
        return (q.speaker, q.verb) if q.statement else (None, None)
    for cur in islice(tok.ancestors, 8):
        lemma = cur.lemma_.lower()
        if cur.pos_ in {"VERB", "AUX"} and (lemma in ctx.cues.reporting_verbs or lemma in ctx.cues.fault_verbs) \
                and lemma != "be" and not is_negated(cur):
            key = source_of_verb(ctx, cur)
            if key:
                return key, cur
    return None, None


def _fault_target(ctx: Context, noun: Token) -> str:
    """'a leadership failure' -> 'leadership'; 'failure of the command' -> 'the command'."""
    part = _on_the_part_of(noun) or _of_or_by(noun)
    if part is not None:
        return _np_text(ctx, part)
    comp = [c for c in noun.children if c.dep_ in {"compound"}]
    if comp:
        return clean_name(ctx.doc[comp[0].left_edge.i:comp[-1].i + 1].text)
    if noun.dep_ == "attr":
        subj = subject_of(ctx, noun.head, climb=False)
        if subj is not None:
            return _np_text(ctx, subj)
    return _np_text(ctx, noun)


Found = tuple[str, str | None, str | None, Token | None]  # (critic key, target text, target key, verb)
_STOP = object()  # a rule that recognises the word but finds no criticism: no later rule tries it


def _by_criticism_verb(ctx: Context, tok: Token) -> Found | None:
    """1. a criticism verb: "X condemned Y", "X said Kyiv lied and blamed Y" (X's)."""
    if tok.pos_ != "VERB" or not verb_forms(tok) & ctx.cues.criticism_verbs or is_negated(tok):
        return None
    subj = subject_of(ctx, reporting_clause_head(ctx, tok) or tok)
    key = ctx.actor_key(subj) if subj is not None else None
    has_object = any(c.dep_ == "dobj" for c in tok.children)
    if key is None and (subj is None or subj.pos_ in {"PRON", "VERB", "AUX"} or subj.dep_ == "nsubjpass" or has_object):
        # in a quote, or a garbled "X said that ... and accused Y"; a thing
        # as subject ("the missile slammed into") is no critic
        key = _speaker_of_clause(ctx, tok)[0]
    if key is not None and any(c.dep_ == "prep" and c.lower_ in {"into", "onto", "through"} for c in tok.children) \
            and not has_object:
        key = None  # "slammed into a building": the literal sense
    if not key:
        return None
    target, tkey = _target_of_verb(ctx, tok)
    return key, target, tkey, tok


def _by_criticism_noun(ctx: Context, tok: Token) -> Found | None:
    """2. a criticism noun: "X's condemnation of Y"."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ctx.cues.criticism_nouns:
        return None
    key, verb = _critic_of_noun(ctx, tok)
    if not key:
        return None
    target, tkey = None, None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "over", "at", "against", "toward", "towards", "for"}:
            pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                target, tkey = _np_text(ctx, pobj), ctx.actor_key(pobj)
    return key, target, tkey, verb


def _by_critical_adjective(ctx: Context, tok: Token) -> Found | object | None:
    """3. "X, (who is) critical of Y"; a critical adjective without "of" is no criticism."""
    if tok.pos_ != "ADJ" or tok.lemma_.lower() not in ctx.cues.criticism_adjectives:
        return None
    of = next((ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in {"of", "about", "toward", "towards"}), None)
    if of is None:
        return _STOP
    pobj = next((p for p in of.children if p.dep_ == "pobj"), None)
    holder = tok.head
    if tok.dep_ in {"acomp", "attr"}:
        holder = subject_of(ctx, tok.head, climb=False) or holder
    while holder.dep_ == "appos":  # climb appositions: "X, a former officer critical of Y"
        holder = holder.head
    key = ctx.actor_key(holder)
    if key and pobj is not None:
        return key, _np_text(ctx, pobj), ctx.actor_key(pobj), None
    return None


def _by_fault_noun(ctx: Context, tok: Token) -> Found | None:
    """4. a fault noun said or shown by someone: "X called it a war crime"."""
    c = ctx.cues
    if tok.pos_ not in {"NOUN", "PROPN"} or not (tok.lemma_.lower() in c.fault_nouns or tok.lower_ in c.fault_nouns):
        return None
    if tok.dep_ not in {"dobj", "attr", "oprd", "pobj", "conj", "nsubj"} or _negated_clause(tok):
        return None
    key, verb = _fault_speaker(ctx, tok)
    return (key, _fault_target(ctx, tok), None, verb) if key else None


def _by_accusation(ctx: Context, tok: Token) -> Found | None:
    """4b. an accusation: "X is deliberately targeting civilians" in someone's words."""
    if tok.pos_ != "VERB" or not verb_forms(tok) & ctx.cues.harm_verbs or is_negated(tok) or not _is_accusation(ctx, tok):
        return None
    subj = subject_of(ctx, tok, climb=False)
    tkey = ctx.actor_key(subj) if subj is not None else None
    if subj is None or (tkey is None and subj.pos_ == "PRON"):
        return None
    key, verb = _speaker_of_clause(ctx, tok)
    return (key, _np_text(ctx, subj), tkey, verb) if key and key != tkey else None


def _by_judging_adjective(ctx: Context, tok: Token) -> Found | None:
    """4c. a judging adjective: 'called the attack "unconscionable"', "these reckless attacks by X"."""
    if tok.pos_ != "ADJ" or tok.lemma_.lower() not in ctx.cues.fault_adjectives \
            or tok.dep_ not in {"acomp", "oprd", "amod", "attr", "ccomp", "xcomp"} or _negated_clause(tok):
        return None
    key, verb = _judgement_speaker(ctx, tok)
    return (key, _judged_target(ctx, tok), None, verb) if key else None


def _by_demand(ctx: Context, tok: Token) -> Found | None:
    """5. a demand for accountability: "X called for those responsible to be punished"."""
    if not (tok.lemma_.lower() in ctx.cues.accountability_words or _responsibility(tok)) or _negated_clause(tok):
        return None
    key, verb = _demand_speaker(ctx, tok)
    return (key, _accountability_target(ctx, tok), None, verb) if key else None


def _by_critics_say(ctx: Context, tok: Token) -> Found | None:
    """5b. "critics say ...": what critics say is criticism, of the subject of what they say."""
    verb = tok.head
    if tok.lemma_.lower() != "critic" or tok.dep_ != "nsubj" or verb.pos_ not in {"VERB", "AUX"} \
            or verb.lemma_.lower() not in ctx.cues.reporting_verbs or is_negated(verb):
        return None
    key = ctx.actor_key(tok)
    if not key:
        return None
    said = next((ch for ch in verb.children if ch.dep_ == "ccomp"), None)
    subj = subject_of(ctx, said, climb=False) if said is not None else None
    target = _np_text(ctx, subj) if subj is not None and subj.pos_ != "PRON" else None
    return key, target, ctx.actor_key(subj) if subj is not None else None, verb


def _by_dismissal(ctx: Context, tok: Token) -> Found | None:
    """6. dismissal "as biased"; naming a claim "fiction" / "propaganda"."""
    c = ctx.cues
    lemma = tok.lemma_.lower()
    naming = lemma in c.naming_verbs
    if tok.pos_ != "VERB" or not (lemma in c.dismissal_verbs or naming) or is_negated(tok):
        return None
    as_ = [ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "as"]
    if naming:  # 'called the claims "fiction"': the complement, with or without "as"
        as_ += [ch for ch in tok.children if ch.dep_ in {"oprd", "xcomp", "attr", "ccomp", "dobj"}]

    def judged(word: str) -> bool:  # a dismissal, or for a naming verb any fault word
        return word in c.dismissal_words or (naming and (word in c.fault_adjectives or word in c.fault_nouns))

    if not any((judged(t.lower_) or judged(t.lemma_.lower())) and t.pos_ != "VERB"
               for complement in as_ for t in complement.subtree):  # "lies", not "bodies lying"
        return None
    subj = subject_of(ctx, tok)
    key = ctx.actor_key(subj) if subj is not None else None
    if not key:
        return None
    target, tkey = _target_of_verb(ctx, tok)
    return key, target, tkey, tok


#: The criticism rules, tried in this order on each word; the first that finds one wins.
RULES = (_by_criticism_verb, _by_criticism_noun, _by_critical_adjective, _by_fault_noun, _by_accusation,
         _by_judging_adjective, _by_demand, _by_critics_say, _by_dismissal)


def _criticisms_in_sentence(ctx: Context, sent) -> Iterator[Found]:
    """``(critic key, target text, target key, verb)`` found in a sentence."""
    for tok in sent:
        for rule in RULES:
            found = rule(ctx, tok)
            if found is _STOP:
                break
            if found is not None:
                yield found
                break


def _is_accusation(ctx: Context, verb: Token) -> bool:
    """A harm verb done on purpose or to the protected: 'deliberately targeting',
    'shelling residential areas', 'waging war on children'."""
    c = ctx.cues
    if any(ch.dep_ == "advmod" and ch.lower_ in c.accusation_adverbs for ch in verb.children):
        return True
    if not verb_forms(verb) & c.intent_verbs:
        return False  # "killed three civilians" reports, it does not accuse
    for ch in verb.children:
        objs = [ch] if ch.dep_ in {"dobj"} else [p for p in ch.children if p.dep_ == "pobj"] if ch.dep_ == "prep" else []
        for obj in objs:
            words = {obj.lemma_.lower(), obj.lower_} | {m.lower_ for m in obj.children if m.dep_ in {"amod", "compound"}}
            if words & c.protected_nouns:
                return True
    return False


def _judgement_speaker(ctx: Context, adj: Token) -> tuple[str | None, Token | None]:
    """Who judges: the speaker of the quote the adjective is in, or the subject
    of a verb of calling or saying above it."""
    qi = ctx.quote_of_token.get(adj.i)
    if qi is not None and ctx.quotes[qi].statement:
        return _speaker_of_clause(ctx, adj)
    for cur in islice(adj.ancestors, 4):
        lemma = cur.lemma_.lower()
        if cur.pos_ in {"VERB", "AUX"} and lemma in ctx.cues.fault_verbs and lemma != "be":
            if is_negated(cur):
                return None, None
            key = source_of_verb(ctx, cur)
            if key:
                return key, cur
            return None, None
    return None, None


def _judged_target(ctx: Context, adj: Token) -> str | None:
    """The thing judged: the noun the adjective modifies, or the object of
    'called X "unconscionable"', or the subject of 'X is unacceptable'."""
    if adj.dep_ == "amod":
        by = _of_or_by(adj.head)
        return _np_text(ctx, by) if by is not None else _np_text(ctx, adj.head)
    verb = adj.head
    for deps in ({"dobj"}, {"nsubj", "nsubjpass"}):
        for ch in verb.children:
            if ch.dep_ in deps and ch.i != adj.i:
                return _np_text(ctx, ch)
    return None


def _responsibility(tok: Token) -> bool:
    """'bears full responsibility', 'held responsible', 'held to account', 'answer for'."""
    lemma, head = tok.lemma_.lower(), tok.head.lemma_.lower()
    if lemma == "responsibility" and head in {"bear", "carry", "have"} and tok.dep_ == "dobj":
        return True
    if lemma in {"responsible", "accountable"} and head == "hold":
        return True
    if lemma == "account" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() == "hold":
        return True
    return lemma == "answer" and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children) and \
        any(c.lower_ in {"must", "should", "will"} for c in tok.children)


def _negated_clause(tok: Token) -> bool:
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return is_negated(cur)
    return False


def _fault_speaker(ctx: Context, noun: Token) -> tuple[str | None, Token | None]:
    """Who names the fault: the subject of a verb above the noun ("highlighted
    the incompetence", "called the shelling a war crime"), or the speaker of the
    quote or clause it is predicated in ("this is a failure")."""
    c = ctx.cues
    head = noun
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ not in {"as"}:
        return None, None
    if head.dep_ == "nsubj":
        return None, None
    if ctx.quote_of_token.get(noun.i) is not None:
        key, verb = _speaker_of_clause(ctx, noun)
        if key:
            return key, verb
    for cur in islice(head.ancestors, 4):
        lemma = cur.lemma_.lower()
        if cur.pos_ in {"VERB", "AUX"} and lemma in c.fault_verbs and lemma != "be":
            if is_negated(cur):
                return None, None
            key = source_of_verb(ctx, cur)
            if key:
                return key, cur
    if head.dep_ == "attr":
        return _speaker_of_clause(ctx, noun)
    return None, None


def _demand_speaker(ctx: Context, tok: Token) -> tuple[str | None, Token | None]:
    """'called for X to be punished', 'insisted that X must be held accountable'."""
    for cur in islice(tok.ancestors, 6):
        lemma = cur.lemma_.lower()
        if cur.pos_ in {"VERB", "AUX"} and (lemma in ctx.cues.demand_verbs or lemma in ctx.cues.reporting_verbs) and lemma != "be":
            if is_negated(cur):
                return None, None
            key = source_of_verb(ctx, cur)
            if key:
                return key, cur
    qi = ctx.quote_of_token.get(tok.i)
    if qi is not None and ctx.quotes[qi].statement:
        return ctx.quotes[qi].speaker, ctx.quotes[qi].verb
    return None, None


def _accountability_target(ctx: Context, tok: Token) -> str | None:
    """The ones to be punished: the subject of the passive clause or the object."""
    cur = tok
    for _ in range(4):
        for child in cur.children:
            if child.dep_ in {"nsubjpass", "nsubj", "dobj"} and child.pos_ in {"NOUN", "PROPN", "PRON"}:
                return _np_text(ctx, child)
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None


def extract_criticism(ctx: Context) -> Iterator[Claim]:
    """Criticism claims: one per critic and sentence."""
    for n, sent in enumerate(ctx.sents):
        if ctx.chrome_sent[n]:
            continue
        seen: set[str] = set()
        for key, target, tkey, verb in _criticisms_in_sentence(ctx, sent):
            if key in seen or key is None:
                continue
            if tkey is not None and tkey == key:
                continue
            seen.add(key)
            qi = ctx.quote_of_token.get(sent.start)
            evidence = ctx.sentence_evidence(n)
            if qi is not None:
                q = ctx.quotes[qi]
                evidence = ctx.evidence(min(q.begin, sent.start_char), max(q.end, sent.end_char))
            yield Claim(
                kind="criticism",
                article=ctx.article.id,
                source=ctx.actors[key].freeze(),
                evidence=evidence,
                extractor=EXTRACTOR,
                target=target or None,
                channel=channel_of(ctx, verb, sent),
            )
