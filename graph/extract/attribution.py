"""Who said it, and where: subjects of reporting verbs, "according to X",
"a claim by X", and the channel (Telegram, a statement, a news agency)."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from graph.extract.mentions import Context

SUBJECT_DEPS = {"nsubj", "csubj"}


def is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def subject_of(ctx: Context, verb: Token, *, climb: bool = True) -> Token | None:
    """The subject of a verb; for a subjectless clause ("..., stating that"),
    the subject of the clause it hangs from."""
    seen = 0
    cur = verb
    while seen < 6:
        for child in cur.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        for child in cur.children:  # passive: "was reported by X"
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if climb and cur.dep_ == "acl" and cur.head.lemma_.lower() in ctx.cues.statement_nouns and cur.head.head.i != cur.head.i \
                and cur.head.head.pos_ in {"VERB", "AUX"}:
            cur = cur.head.head  # "X issued a statement accusing Y": the statement's author accuses
            seen += 1
            continue
        if not climb or cur.dep_ not in {"advcl", "xcomp", "conj", "pcomp"} or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.dep_ == "prep":
            cur = cur.head
        seen += 1
    return None


def is_reporting_verb(ctx: Context, tok: Token) -> bool:
    c = ctx.cues
    lemma = tok.lemma_.lower()
    return tok.pos_ in {"VERB", "AUX"} and (lemma in c.reporting_verbs or lemma in c.criticism_verbs) and lemma != "be"


def source_of_verb(ctx: Context, verb: Token) -> str | None:
    """The actor key of a reporting verb's subject (resolved), or None."""
    outer = reporting_clause_head(ctx, verb)
    if outer is not None:  # "X said Kyiv was ... and blamed Y": blamed is X's, not Kyiv's
        verb = outer
    if verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        # "Troops shelled the town, killing 14, the head of the district, X, said": the parse
        # joins "said" to "shelled"; the name just before it is the speaker, not the troops
        before = next((t for t in reversed(verb.doc[verb.sent.start:verb.i]) if not t.is_punct), None)
        if before is not None and (before.ent_type_ in {"PERSON", "ORG"} or before.dep_ == "appos"):
            key = _subject_by_position(ctx, verb)
            if key:
                return key
    reporter = _reporter_of_state(verb)
    if reporter is not None:  # "were reported missing by the deputy mayor"
        key = ctx.actor_key(reporter)
        if key:
            return key
    subj = subject_of(ctx, verb)
    if subj is None or subj.pos_ in {"VERB", "AUX"}:
        return _subject_by_position(ctx, verb)
    return ctx.actor_key(subj)


#: States that take no doer: in "were reported missing by X", X reported it.
AGENTLESS_STATES = {"missing", "dead", "unaccounted"}


def _reporter_of_state(verb: Token) -> Token | None:
    """X in "N were reported missing/dead by X", where the parse hangs "by X" from the state."""
    if not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return None
    for state in verb.children:
        if state.dep_ in {"oprd", "acomp", "xcomp"} and state.lower_ in AGENTLESS_STATES:
            for prep in state.children:
                if prep.dep_ in {"prep", "agent"} and prep.lower_ == "by":
                    return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


def reporting_clause_head(ctx: Context, verb: Token) -> Token | None:
    """For a subjectless reporting verb joined to the reported clause of another one
    ("X said [Kyiv was lying] and blamed Y", where the parse hangs "blamed" from "was"),
    that other reporting verb; else None."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    clause = verb.head
    reports = is_reporting_verb(ctx, clause) and any(c.dep_ == "ccomp" for c in clause.children)
    if clause.dep_ != "ccomp" or clause.head.i == clause.i or reports:  # "had only responded to attacks" reports nothing
        return None
    outer = clause.head
    return outer if is_reporting_verb(ctx, outer) else None


def _subject_by_position(ctx: Context, verb: Token) -> str | None:
    """A garbled parse left the verb without a subject: take the named actor
    just before it ("..., the head of the agency, X, said") or just after it
    ("..., said X")."""
    sent = verb.sent
    before = [t for t in ctx.doc[max(sent.start, verb.i - 14):verb.i] if ctx.quote_of_token.get(t.i) is None]
    after = [t for t in ctx.doc[verb.i + 1:min(sent.end, verb.i + 6)] if ctx.quote_of_token.get(t.i) is None]
    for tokens in (list(reversed(before)), after):
        for tok in tokens:
            if tok.pos_ in {"VERB", "AUX"} and tokens is after:
                break
            if tok.ent_type_ in {"GPE", "LOC", "FAC"} or (tok.dep_ == "pobj" and tok.head.lower_ != "by"):
                continue  # "Reporting from <place>": places and objects of prepositions do not speak
            if tok.ent_type_ == "PERSON" or (tok.dep_ in {"appos", "nsubj", "dobj", "conj", "attr", "pobj"} and tok.pos_ in {"PROPN", "NOUN"}):
                ent = ctx.entity_of(tok)
                head = ent.root if ent is not None else tok
                key = ctx.actor_key(head)
                if key is not None and ctx.actors[key].type in {"person", "organization", "group", "outlet"}:
                    return key
    return None


def according_to(ctx: Context, sent_tokens) -> tuple[str | None, Token | None]:
    """The actor of "according to X" / "citing X" in the tokens, if any."""
    doc = ctx.doc
    firsts = _first_words(ctx.cues.according_to)
    for tok in sent_tokens:
        if tok.lower_ not in firsts:
            continue
        for phrase in ctx.cues.according_to:
            n = len(phrase)
            if tok.i + n > len(doc):
                continue
            if all(doc[tok.i + k].lower_ == phrase[k] for k in range(n)):
                last = doc[tok.i + n - 1]
                for cand in list(last.children) + list(doc[tok.i + n: tok.i + n + 1]):
                    if cand.dep_ in {"pobj", "dobj", "nsubj", "compound", "appos"} or cand.i == tok.i + n:
                        head = cand
                        while head.dep_ in {"compound", "amod", "det", "poss"} and head.head.i > head.i and head.head.i - tok.i < 12:
                            head = head.head
                        key = ctx.actor_key(head)
                        if key is None and head.lemma_.lower() in ctx.cues.reporting_nouns:
                            key = noun_cue_source(ctx, head)  # "according to UN figures"
                        if key:
                            return key, tok
    return None, None


@lru_cache(maxsize=8)
def _first_words(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(p[0] for p in phrases)


def noun_cue_source(ctx: Context, noun: Token) -> str | None:
    """'a claim by X', 'X's estimate', 'a statement from X'."""
    for child in noun.children:
        if child.dep_ == "poss":
            key = ctx.actor_key(child)
            if key:
                return key
        if child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    key = ctx.actor_key(pobj)
                    if key:
                        return key
        if child.dep_ in {"compound", "amod"} and (ctx.entity_of(child) is not None or child.pos_ == "PROPN"):
            ent = ctx.entity_of(child)
            key = ctx.actor_key(ent.root if ent is not None else child)
            if key:
                return key
    for t in noun.subtree:  # "a count maintained by X"
        if t.dep_ == "agent" or (t.lower_ == "by" and t.dep_ == "prep"):
            for pobj in t.children:
                if pobj.dep_ == "pobj":
                    key = ctx.actor_key(pobj)
                    if key:
                        return key
    return None


def channel_of(ctx: Context, verb: Token | None, sent) -> str | None:
    """Where a claim was made: from the verb ("tweeted"), its modifiers
    ("on Telegram", "in a statement"), or the sentence ("... state news agency X")."""
    channels = ctx.cues.channels
    if verb is not None:
        lemma = verb.lemma_.lower()
        if lemma in {"tweet", "retweet"}:
            return channels.get("tweet")
        n = ctx.sentence_of(verb)
        candidates = [t for t in verb.subtree if ctx.sent_index[t.i] == n]
    else:
        candidates = list(sent)
    best = None
    for tok in candidates:
        if ctx.quote_of_token.get(tok.i) is not None:
            continue
        low = tok.lower_
        if low not in ctx.cues.channel_last_words:
            continue
        two = f"{tok.nbor(-1).lower_} {low}" if tok.i > 0 else low
        three = f"{tok.nbor(-2).lower_} {two}" if tok.i > 1 else two
        for form in (three, two, low):
            if form in channels and (tok.pos_ in {"NOUN", "PROPN"}):
                name = channels[form]
                if name in {"news agency", "state news agency"}:
                    agency = _agency_name(tok)
                    name = f"{name} {agency}" if agency else name
                # social networks beat generic words like "statement" or "post"
                if best is None or (best in {"statement", "social media post", "video address"} and name not in {"statement", "social media post"}):
                    best = name
                break
    return best


def _agency_name(tok: Token) -> str | None:
    """'state news agency TASS' -> 'TASS'."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "PROPN":
        return nxt.text
    if tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
        return tok.head.text
    return None
