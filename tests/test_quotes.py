"""Quotations: speakers before, after and around quotes; continuations; scare quotes."""
from __future__ import annotations

import pytest

QUOTES = [
    # text, speaker (a word of the name), quoted words (a part of them)
    ('"We will rebuild every house," the mayor said on Friday.', "mayor", "We will rebuild every house"),
    ('“We will rebuild every house,” said Mayor Anna Kovac.', "Kovac", "We will rebuild every house"),
    ('The governor said: "The situation in the city remains very difficult."', "governor", "situation in the city"),
    ('“The shelling did not stop for a minute,” Olena Petrenko told reporters. “My neighbours are still under the rubble.”',
     "Petrenko", "My neighbours are still under the rubble"),
    ('Colonel James Whitfield described the retreat as "a complete collapse of discipline".', "Whitfield",
     "a complete collapse of discipline"),
    ("The foreign minister wrote on X: 'This attack shows that they want no peace at all.'", "foreign minister",
     "they want no peace"),
    ('"The enemy lost dozens of vehicles near the river," the General Staff said in its morning update.',
     "General Staff", "lost dozens of vehicles"),
]


@pytest.mark.parametrize("text,speaker,words", QUOTES)
def test_quote_speaker(extract, text, speaker, words):
    ex = extract(text)
    quotes = [c for c in ex.claims if c.kind == "quote" and words in c.text]
    assert quotes, [(c.kind, c.source.name, c.text) for c in ex.claims]
    assert speaker.lower() in quotes[0].source.name.lower()
    assert text[quotes[0].evidence.begin:quotes[0].evidence.end] == quotes[0].evidence.sentence


def test_quote_paragraph_continues_previous_speaker(extract):
    text = ('"Our units repelled four assaults overnight," said Major Ivan Tarasenko.\n\n'
            '"The enemy is regrouping near the bridge and we expect more attacks."\n')
    ex = extract(text)
    quotes = [c for c in ex.claims if c.kind == "quote"]
    assert len(quotes) == 2
    assert {q.source.name for q in quotes} == {"Ivan Tarasenko"}


def test_pronoun_speaker_resolves_to_person(extract):
    text = ("Maria Lopez, a spokeswoman for the agency, visited the camp on Tuesday.\n\n"
            'She said: "There is not enough water for the families here."\n')
    ex = extract(text)
    quotes = [c for c in ex.claims if c.kind == "quote"]
    assert quotes and quotes[0].source.name == "Maria Lopez"


@pytest.mark.parametrize("text", [
    'Moscow calls the invasion a "special military operation".',
    'The so-called "people\'s republic" held a vote.',
    'The film "All Quiet on the Western Front" was shown in the square.',
    'The village was described as "calm" by residents.',
])
def test_scare_quotes_and_titles_are_not_statements(extract, text):
    ex = extract(text)
    assert [c for c in ex.claims if c.kind == "quote"] == []


def test_chrome_quote_is_ignored(extract):
    text = ("Troops advanced on Monday, the army said.\n\n"
            'Sign up for our newsletter: "The best reporting from the front, every morning in your inbox."\n')
    ex = extract(text)
    assert [c for c in ex.claims if c.kind == "quote"] == []


def test_she_skips_a_man_named_in_between(extract):
    text = ("Natalya Orlova, whose son serves in the regiment, spoke outside the office.\n\n"
            "Nikita Sokolov, the regional governor, declined to comment.\n\n"
            '"We will not stay silent any longer," she said.\n')
    quotes = [c for c in extract(text).claims if c.kind == "quote"]
    assert [q.source.name for q in quotes] == ["Natalya Orlova"]


def test_object_of_told_is_not_the_speaker(extract):
    text = ("A woman described the strike.\n\n"
            "'I heard a whistle and then everything went black,' she told the Daily Planet by phone.\n")
    quotes = [c for c in extract(text).claims if c.kind == "quote"]
    assert all("Planet" not in q.source.name for q in quotes)


def test_a_quote_over_several_paragraphs_after_an_introducing_sentence(extract):
    """News style: each paragraph of a long quote opens with a mark, and only the last one closes;
    the sentence before it names the speaker without a 'said'."""
    text = ("Dr Amal Haddad, who runs the hospital's emergency ward, described the night of the attack.\n\n"
            '"The first ambulances arrived just after midnight and did not stop until morning.\n\n'
            '"We had two surgeons for forty patients and no electricity for most of the night.\n\n'
            '"By dawn we had run out of blood and of beds, and people were lying in the corridors."\n\n'
            "The hospital said it had asked for generators.\n")
    ex = extract(text)
    quotes = [c for c in ex.claims if c.kind == "quote"]
    assert [q.text.split()[:2] for q in quotes] == [["The", "first"], ["We", "had"], ["By", "dawn"]]
    assert {q.source.name for q in quotes} == {"Amal Haddad"}
    for q in quotes:
        assert text[q.evidence.begin:q.evidence.end] == q.evidence.sentence and '"' not in q.text


def test_an_open_quote_mark_inside_a_paragraph_is_not_a_quote(extract):
    ex = extract('The shells were 155mm" rounds, the army said, and 12 people were killed.\n')
    assert not [c for c in ex.claims if c.kind == "quote"]


def test_a_descriptive_sentence_before_an_unquoted_paragraph_gives_no_speaker(extract):
    text = ("The mayor described the damage to the market.\n\n"
            "Three buildings collapsed and the roads were blocked for hours.\n")
    assert not [c for c in extract(text).claims if c.kind == "quote"]
