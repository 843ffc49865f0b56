"""Who criticizes whom: the finders of a critic and of a target that the
criticism rules (:mod:`graph.extract.criticism`) share, on spaCy's parse.

May import: spaCy, ``graph.extract`` (attribution, cues, mentions, naming).
"""
from __future__ import annotations

from itertools import islice

from spacy.tokens import Token

from graph.extract.attribution import is_negated, source_of_verb, subject_of
from graph.extract.cues import verb_forms
from graph.extract.mentions import Context
from graph.extract.naming import clean_name

#: What a criticism rule finds: (critic key, target text, target key, the cue: the verb
#: that voices it, or None for the word the rule matched).
Found = tuple[str, str | None, str | None, Token | None]


def np_text(ctx: Context, tok: Token) -> str:
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    # cut relative clauses and long tails
    for t in tok.subtree:
        if t.dep_ in {"relcl", "acl", "advcl"} and t.i > tok.i:
            end = min(end, t.left_edge.i)
    text = ctx.doc[start:end].text
    return clean_name(text)[:160]


def target_of_verb(ctx: Context, verb: Token) -> tuple[str | None, str | None]:
    """``(target text, target actor key)`` of a criticism verb."""
    lemma = verb.lemma_.lower()
    dobj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.dep_ != "nsubjpass"), None)
    preps = {c.lower_: c for c in verb.children if c.dep_ == "prep"}
    if lemma == "blame" and "on" in preps:
        pobj = next((c for c in preps["on"].children if c.dep_ == "pobj"), None)
        if pobj is not None:
            part = on_the_part_of(pobj)
            tgt = part or pobj
            return np_text(ctx, tgt), ctx.actor_key(tgt)
    if dobj is not None:
        part = on_the_part_of(dobj)
        if part is None:
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in {"on"}:
                    part = on_the_part_of(child)
        if part is not None:
            return np_text(ctx, part), ctx.actor_key(part)
        return np_text(ctx, dobj), ctx.actor_key(dobj)
    for p in ("of", "on", "at", "over", "for"):
        if p in preps:
            pobj = next((c for c in preps[p].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return np_text(ctx, pobj), ctx.actor_key(pobj)
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and any(c.dep_ == "agent" for c in verb.children):
        return np_text(ctx, passive), ctx.actor_key(passive)  # "the strike was condemned by X"
    return None, None


def on_the_part_of(tok: Token) -> Token | None:
    """'sloppiness on the part of the command' -> 'command'."""
    for t in tok.subtree:
        if t.lower_ == "part" and t.head.lower_ == "on":
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for pobj in c.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None


def of_or_by(tok: Token) -> Token | None:
    """'failure of the command', 'mistakes by the generals' -> the holder."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"of", "by"}:
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _critic_in_phrase(ctx: Context, tok: Token) -> str | None:
    """The actor of a "from / by / among Y" phrase hanging from ``tok``."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "among"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    key = ctx.actor_key(pobj)
                    if key:
                        return key
    return None


def critic_of_noun(ctx: Context, noun: Token) -> tuple[str | None, Token | None]:
    """'criticism of X from Y', "Y's criticism", 'Y voiced criticism'."""
    for child in noun.children:
        if child.dep_ == "poss":
            key = ctx.actor_key(child)
            if key:
                return key, None
    key = _critic_in_phrase(ctx, noun)
    if key:
        return key, None
    # "sparked criticism ... from Y" where the prep hangs on the verb
    verb = noun.head
    if verb.pos_ in {"VERB", "AUX"}:
        key = _critic_in_phrase(ctx, verb)
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


def speaker_of_clause(ctx: Context, tok: Token) -> tuple[str | None, Token | None]:
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


def fault_target(ctx: Context, noun: Token) -> str:
    """'a leadership failure' -> 'leadership'; 'failure of the command' -> 'the command'."""
    part = on_the_part_of(noun) or of_or_by(noun)
    if part is not None:
        return np_text(ctx, part)
    comp = [c for c in noun.children if c.dep_ in {"compound"}]
    if comp:
        return clean_name(ctx.doc[comp[0].left_edge.i:comp[-1].i + 1].text)
    if noun.dep_ == "attr":
        subj = subject_of(ctx, noun.head, climb=False)
        if subj is not None:
            return np_text(ctx, subj)
    return np_text(ctx, noun)


def is_accusation(ctx: Context, verb: Token) -> bool:
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


def judgement_speaker(ctx: Context, adj: Token) -> tuple[str | None, Token | None]:
    """Who judges: the speaker of the quote the adjective is in, or the subject
    of a verb of calling or saying above it."""
    qi = ctx.quote_of_token.get(adj.i)
    if qi is not None and ctx.quotes[qi].statement:
        return speaker_of_clause(ctx, adj)
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


def judged_target(ctx: Context, adj: Token) -> str | None:
    """The thing judged: the noun the adjective modifies, or the object of
    'called X "unconscionable"', or the subject of 'X is unacceptable'."""
    if adj.dep_ == "amod":
        by = of_or_by(adj.head)
        return np_text(ctx, by) if by is not None else np_text(ctx, adj.head)
    verb = adj.head
    for deps in ({"dobj"}, {"nsubj", "nsubjpass"}):
        for ch in verb.children:
            if ch.dep_ in deps and ch.i != adj.i:
                return np_text(ctx, ch)
    return None


def responsibility(tok: Token) -> bool:
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


def negated_clause(tok: Token) -> bool:
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return is_negated(cur)
    return False


def fault_speaker(ctx: Context, noun: Token) -> tuple[str | None, Token | None]:
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
        key, verb = speaker_of_clause(ctx, noun)
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
        return speaker_of_clause(ctx, noun)
    return None, None


def demand_speaker(ctx: Context, tok: Token) -> tuple[str | None, Token | None]:
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


def accountability_target(ctx: Context, tok: Token) -> str | None:
    """The ones to be punished: the subject of the passive clause or the object."""
    cur = tok
    for _ in range(4):
        for child in cur.children:
            if child.dep_ in {"nsubjpass", "nsubj", "dobj"} and child.pos_ in {"NOUN", "PROPN", "PRON"}:
                return np_text(ctx, child)
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None


#: Prepositions that list the members of a group: "several governments, including A and B".
LIST_PREPOSITIONS = {"including", "like"}


def listed_members(ctx: Context, noun: Token) -> list[str]:
    """The actor keys of the members a group noun lists ("condemned by several
    governments, including Turkey and Pakistan"): each of them is the critic,
    not the group. Empty when the noun lists none."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in LIST_PREPOSITIONS:
            continue
        first = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if first is None:
            continue
        members, todo = [], [first]
        while todo:
            tok = todo.pop(0)
            members.append(tok)
            todo += [c for c in tok.children if c.dep_ == "conj" or (c.dep_ == "appos" and tok is first)]
        keys = [ctx.actor_key(m) for m in members]
        return list(dict.fromkeys(k for k in keys if k))
    return []
