"""Evaluative criticism: disapproval voiced without a criticism verb, inside what a
source says.

The speaker is the source of the attribution frame that holds the words (a
quotation, a reported clause, "according to"); the narrator's own words are never
criticism here. Four rules, each on one word of the frame's content:

- an evaluative adjective on an act or an actor ("a deliberate strike on a
  school", "the raid was barbaric"): our ``fault_adjectives``, the adjectives of our
  ``accusation_adverbs`` ("deliberately" -> "deliberate"), or a word that VADER's
  valence lexicon (``vaderSentiment``, MIT) rates at :data:`VALENCE` or below, less
  the words that only say how bad the harm was (``severity_adjectives``) and the
  words of a toll ("dead", "wounded");
- outrage at an act or an actor ("HRI is horrified by the attack", "said it was
  appalled by the strike"), by the same test of the word, the one outraged being
  the subject (an actor) or the frame's source;
- contempt for the doers (``contempt_nouns``: "only monsters could do this",
  "these thugs will answer for it");
- a charge of intent: a verb of purpose over a harm verb ("the shelling was meant to
  kill as many civilians as possible");
- an allegation of harm: an accusing cue (``accusing_cues``: "alleged that the
  militia had executed detainees") over a harm verb with a subject.

May import: spaCy, ``vaderSentiment``, ``graph.extract`` (critics, cues, frames, mentions).
"""
from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from graph.extract.critics import Found, judged_target, negated_clause, np_text
from graph.extract.cues import verb_forms
from graph.extract.frames import Frame, innermost
from graph.extract.mentions import Context

#: VADER rates words from -4 (most negative) to +4; a judging word is at or below this
#: ("shocked" is -1.3, "reckless" -1.7, "horrified" -2.5).
VALENCE = -1.3
#: Frames whose words can voice a judgement (an object such as "reported 12 dead" cannot).
JUDGING_FRAMES = frozenset({"quotation", "clause", "after", "according"})


@cache
def valence() -> dict[str, float]:
    """VADER's valence lexicon: word -> rating."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


def speaker_frame(ctx: Context, tok: Token) -> Frame | None:
    """The innermost judging frame whose content holds ``tok``."""
    frames = [f for f in ctx.frames if f.kind in JUDGING_FRAMES]
    return innermost(frames, tok.idx, tok.idx + len(tok))


def _cue_token(ctx: Context, frame: Frame) -> Token | None:
    if frame.cue_at is None:
        return None
    span = ctx.doc.char_span(frame.cue_at, frame.cue_at + 1, alignment_mode="expand")
    return span[0] if span is not None else None


def _found(ctx: Context, frame: Frame | None, target: Token | None, text: str | None) -> Found | None:
    if frame is None:
        return None
    tkey = ctx.actor_key(target) if target is not None else None
    if tkey == frame.source:
        return None  # a source judging itself ("we were sickened") is not criticism of anyone
    return frame.source, text, tkey, _cue_token(ctx, frame)


def is_evaluative(ctx: Context, adj: Token) -> bool:
    """A word that judges: one of our fault or intent adjectives, or a word VADER
    rates as strongly negative that is neither a severity word nor a toll's."""
    c = ctx.cues
    lemma, low = adj.lemma_.lower(), adj.lower_
    if lemma in c.fault_adjectives or f"{lemma}ly" in c.accusation_adverbs or f"{lemma}ally" in c.accusation_adverbs:
        return True
    if lemma in c.severity_adjectives or lemma in c.quantity_nouns or low in c.quantity_verbs or lemma in c.quantity_verbs:
        return False
    return valence().get(low, valence().get(lemma, 0.0)) <= VALENCE


def _is_act_or_actor(ctx: Context, noun: Token | None) -> bool:
    if noun is None:
        return False
    lemma = noun.lemma_.lower()
    return (lemma in ctx.cues.event_nouns or noun.lower_ in ctx.cues.event_nouns
            or bool(verb_forms(noun) & ctx.cues.harm_verbs) or ctx.actor_key(noun) is not None
            or lemma in {"this", "it", "that"})


def by_evaluative_adjective(ctx: Context, tok: Token) -> Found | None:
    """'a deliberate strike on a school', 'the raid was barbaric', in a source's words."""
    if tok.pos_ != "ADJ" or tok.dep_ not in {"amod", "acomp", "attr", "oprd"} or not is_evaluative(ctx, tok) \
            or negated_clause(tok):
        return None
    judged = tok.head if tok.dep_ == "amod" else next(
        (c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if not _is_act_or_actor(ctx, judged):
        return None
    return _found(ctx, speaker_frame(ctx, tok), judged, judged_target(ctx, tok))


def by_outrage(ctx: Context, tok: Token) -> Found | None:
    """'HRI is horrified by the attack', 'said it was deeply shocked by the strike'."""
    if tok.pos_ not in {"ADJ", "VERB"} or tok.dep_ not in {"acomp", "ROOT", "ccomp", "conj", "amod"} \
            or not is_evaluative(ctx, tok) or negated_clause(tok):
        return None
    by = next((c for c in tok.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "at", "over"}), None)
    judged = next((p for p in by.children if p.dep_ == "pobj"), None) if by is not None else None
    if not _is_act_or_actor(ctx, judged) or judged.lemma_.lower() in {"this", "it", "that"}:
        return None
    holder = tok.head if tok.dep_ == "acomp" else tok
    subj = next((c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    key = ctx.actor_key(subj) if subj is not None and subj.pos_ != "PRON" else None
    if key is not None:
        tkey = ctx.actor_key(judged)
        return (key, np_text(ctx, judged), tkey, holder) if tkey != key else None
    return _found(ctx, speaker_frame(ctx, tok), judged, np_text(ctx, judged))


def by_contempt_noun(ctx: Context, tok: Token) -> Found | None:
    """'Only monsters could do this', 'these thugs will answer for it'."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ctx.cues.contempt_nouns or negated_clause(tok):
        return None
    return _found(ctx, speaker_frame(ctx, tok), tok, np_text(ctx, tok))


def by_intent_charge(ctx: Context, tok: Token) -> Found | None:
    """'The shelling was meant to kill as many civilians as possible'."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ctx.cues.purpose_verbs or negated_clause(tok):
        return None
    if not any(c.dep_ == "xcomp" and verb_forms(c) & ctx.cues.harm_verbs for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return None
    return _found(ctx, speaker_frame(ctx, tok), subj, np_text(ctx, subj))


def by_allegation(ctx: Context, tok: Token) -> Found | None:
    """'Human Rights Watch alleged that the militia had executed detainees'."""
    if tok.pos_ != "VERB" or not ctx.frames or not verb_forms(tok) & ctx.cues.harm_verbs or negated_clause(tok):
        return None
    frame = speaker_frame(ctx, tok)
    if frame is None or frame.cue not in ctx.cues.accusing_cues:
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON":
        return None
    return _found(ctx, frame, subj, np_text(ctx, subj))
