"""Criticism: critic -> target.

Cues (all in the lexicon): criticism verbs ("criticized", "blamed", "mocked"),
criticism nouns with a source ("criticism of X from Y"), adjectives ("X, critical
of Y"), fault nouns said or shown by someone ("highlighted the incompetence",
"called it a failure", a quote "this is a leadership failure"), demands for
accountability ("called for those responsible to be punished"), and dismissal
("dismissed the report as propaganda"); and, with no criticism word, a judgement in
a source's words (:mod:`graph.extract.evaluative`). Negated cues and bare denials are
not criticism.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graph.extract import evaluative
from graph.extract.attribution import (
    channel_of,
    is_negated,
    reporting_clause_head,
    subject_of,
)
from graph.extract.critics import (
    Found,
    accountability_target,
    critic_of_noun,
    demand_speaker,
    fault_speaker,
    fault_target,
    is_accusation,
    judged_target,
    judgement_speaker,
    listed_members,
    negated_clause,
    np_text,
    responsibility,
    speaker_of_clause,
    target_of_verb,
)
from graph.extract.cues import verb_forms
from graph.extract.mentions import Context
from graph.types import Claim

EXTRACTOR = "criticism.v1"


_STOP = object()  # a rule that recognises the word but finds no criticism: no later rule tries it


def _by_criticism_verb(ctx: Context, tok: Token) -> Found | list[Found] | None:
    """1. a criticism verb: "X condemned Y", "X said Kyiv lied and blamed Y" (X's)."""
    if tok.pos_ != "VERB" or not verb_forms(tok) & ctx.cues.criticism_verbs or is_negated(tok):
        return None
    subj = subject_of(ctx, reporting_clause_head(ctx, tok) or tok)
    key = ctx.actor_key(subj) if subj is not None else None
    has_object = any(c.dep_ == "dobj" for c in tok.children)
    if key is None and (subj is None or subj.pos_ in {"PRON", "VERB", "AUX"} or subj.dep_ == "nsubjpass" or has_object):
        # in a quote, or a garbled "X said that ... and accused Y"; a thing
        # as subject ("the missile slammed into") is no critic
        key = speaker_of_clause(ctx, tok)[0]
    if key is not None and any(c.dep_ == "prep" and c.lower_ in {"into", "onto", "through"} for c in tok.children) \
            and not has_object:
        key = None  # "slammed into a building": the literal sense
    members = listed_members(ctx, subj) if subj is not None else []
    if not key and not members:
        return None
    target, tkey = target_of_verb(ctx, tok)
    if members:  # "condemned by several governments, including A and B": A and B are the critics
        return [(member, target, tkey, tok) for member in members]
    return key, target, tkey, tok


def _by_criticism_noun(ctx: Context, tok: Token) -> Found | None:
    """2. a criticism noun: "X's condemnation of Y"."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ctx.cues.criticism_nouns:
        return None
    key, verb = critic_of_noun(ctx, tok)
    if not key:
        return None
    target, tkey = None, None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "over", "at", "against", "toward", "towards", "for"}:
            pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                target, tkey = np_text(ctx, pobj), ctx.actor_key(pobj)
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
        return key, np_text(ctx, pobj), ctx.actor_key(pobj), None
    return None


def _by_fault_noun(ctx: Context, tok: Token) -> Found | None:
    """4. a fault noun said or shown by someone: "X called it a war crime"."""
    c = ctx.cues
    if tok.pos_ not in {"NOUN", "PROPN"} or not (tok.lemma_.lower() in c.fault_nouns or tok.lower_ in c.fault_nouns):
        return None
    if tok.dep_ not in {"dobj", "attr", "oprd", "pobj", "conj", "nsubj"} or negated_clause(tok):
        return None
    key, verb = fault_speaker(ctx, tok)
    return (key, fault_target(ctx, tok), None, verb) if key else None


def _by_accusation(ctx: Context, tok: Token) -> Found | None:
    """4b. an accusation: "X is deliberately targeting civilians" in someone's words."""
    if tok.pos_ != "VERB" or not verb_forms(tok) & ctx.cues.harm_verbs or is_negated(tok) or not is_accusation(ctx, tok):
        return None
    subj = subject_of(ctx, tok, climb=False)
    tkey = ctx.actor_key(subj) if subj is not None else None
    if subj is None or (tkey is None and subj.pos_ == "PRON"):
        return None
    key, verb = speaker_of_clause(ctx, tok)
    return (key, np_text(ctx, subj), tkey, verb) if key and key != tkey else None


def _by_judging_adjective(ctx: Context, tok: Token) -> Found | None:
    """4c. a judging adjective: 'called the attack "unconscionable"', "these reckless attacks by X"."""
    if tok.pos_ != "ADJ" or tok.lemma_.lower() not in ctx.cues.fault_adjectives \
            or tok.dep_ not in {"acomp", "oprd", "amod", "attr", "ccomp", "xcomp"} or negated_clause(tok):
        return None
    key, verb = judgement_speaker(ctx, tok)
    return (key, judged_target(ctx, tok), None, verb) if key else None


def _by_demand(ctx: Context, tok: Token) -> Found | None:
    """5. a demand for accountability: "X called for those responsible to be punished"."""
    if not (tok.lemma_.lower() in ctx.cues.accountability_words or responsibility(tok)) or negated_clause(tok):
        return None
    key, verb = demand_speaker(ctx, tok)
    return (key, accountability_target(ctx, tok), None, verb) if key else None


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
    target = np_text(ctx, subj) if subj is not None and subj.pos_ != "PRON" else None
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
    target, tkey = target_of_verb(ctx, tok)
    return key, target, tkey, tok


#: The criticism rules, tried in this order on each word; the first that finds one wins.
#: The evaluative ones (no criticism word, a judgement in a source's words) come last.
RULES = (_by_criticism_verb, _by_criticism_noun, _by_critical_adjective, _by_fault_noun, _by_accusation,
         _by_judging_adjective, _by_demand, _by_critics_say, _by_dismissal,
         evaluative.by_evaluative_adjective, evaluative.by_outrage, evaluative.by_contempt_noun,
         evaluative.by_intent_charge, evaluative.by_allegation)


def _criticisms_in_sentence(ctx: Context, sent) -> Iterator[Found]:
    """``(critic key, target text, target key, cue)`` found in a sentence; the cue is
    the verb that voices the criticism, or else the word the rule matched
    ("critical of", "criticism from")."""
    for tok in sent:
        for rule in RULES:
            found = rule(ctx, tok)
            if found is _STOP:
                break
            if found is not None:
                for key, target, tkey, verb in found if isinstance(found, list) else [found]:
                    yield key, target, tkey, verb if verb is not None else tok
                break


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
                cue=verb.lemma_.lower(),
                anchor=(verb.idx, verb.idx + len(verb)),
            )
