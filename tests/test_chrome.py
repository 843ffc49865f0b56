from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.errors import NewsgraphError
from graph.readers.chrome import find_chrome, parse_chrome_rules, read_chrome_rules

REPO_RULES = Path(__file__).resolve().parents[1] / "graph" / "rules" / "chrome.txt"

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

PROSE = [
    "A drone strike set fire to a fuel depot near a river port early on Tuesday, regional officials said.",
    "The regional governor said two workers were injured and that firefighters had contained the blaze.",
    "The defence ministry said air defence units had shot down eleven drones over the region overnight.",
    "Independent analysts said satellite images showed at least three storage tanks burning at the site.",
    "There was no immediate comment from the other side, which rarely confirms such attacks, Interfax reported.",
    "The strike was the third on energy facilities in the region this month, according to local media.",
]


def chrome_lines(text: str) -> list[str]:
    """The non-blank lines of ``text`` inside a chrome range."""
    covered = "".join(text[begin:end] + "\n" for begin, end in find_chrome(text))
    return [line.strip() for line in covered.split("\n") if line.strip()]


def article_with(line: str) -> str:
    """``line`` in the middle of an article of news prose."""
    return "\n\n".join([PROSE[0], PROSE[1], line, PROSE[2], PROSE[3], PROSE[4], PROSE[5]])


@pytest.mark.parametrize(
    "line",
    [
        # donation appeals
        "Support Example Daily!",
        # bylines: the writers, never sources
        "By Jane Doe",
        "By Jane Doe and John Roe",
        "Live coverage by Anna Hollis (now) and Tom Reeve (earlier)",
        "(Reporting by Olena Harmash in Kyiv; Editing by Mark Heinrich)",
        "Support independent journalism today",
        "Dear readers,",
        "If you value our reporting, please support us with a donation.",
        "Your gift, however small, makes a world of difference.",
        "Once",
        "Monthly",
        "Annual",
        "Continue",
        "Remind me later.",
        "Not ready to support today?",
        "Become a member and get the app without adverts",
        # newsletters
        "Sign up for our daily briefing newsletter",
        "Subscribe to The Morning Brief newsletter.",
        "You will receive it in your inbox every weekday morning.",
        "Subscribers agree to the Privacy Policy",
        "By signing up, you agree to our Privacy Policy and Terms of Use.",
        "Privacy Policy",
        "Follow us on Telegram",
        # cross-links and furniture
        "Read more",
        "Read more: Ukraine says it shot down 20 drones overnight",
        "Read also: Explainer: What we know about the strike",
        "Read more: Officials said the strike hit a warehouse in the port, the governor told reporters.",
        "Related: Kyiv hit by largest drone attack of the war",
        "RELATED COVERAGE",
        "Most Read",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Share this article",
        "Share on Facebook",
        "We use cookies to improve your experience. By continuing to browse you accept them.",
        "Accept all cookies",
        # captions and credits
        "Smoke rises over the port after the shelling (Reuters)",
        "Firefighters work at the site of a drone strike in a port city, March 5, 2024. (AP Photo/Jane Roe)",
        "Rescuers search the rubble of a residential building [Jane Roe/Anadolu]",
        "Jane Roe / Telegram",
        "JANE ROE/AFP via Getty Images",
        "Sergei Example/Reuters",
        "Photo: Jane Roe / Example Press",
        "Photograph: Jane Roe/AP",
        "Image source, Getty Images",
        "Credit: Ministry of Defence",
        # editor lines and copyright
        "Updates with casualty figures from regional governor.",
        "(Adds details, quotes in paragraphs 4-6)",
        "This is a developing story and will be updated.",
        "© 2024 Example Press. All rights reserved.",
        "Copyright 2024 Example Media Group",
    ],
)
def test_chrome_line_is_found(line: str) -> None:
    assert chrome_lines(article_with(line)) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Drone strike hits fuel depot near river port",
        "Support for the war has fallen sharply, according to a survey published on Tuesday by a pollster.",
        "Updates on the number of casualties will be published by the ministry, officials said on Monday.",
        "Russian forces said they had captured the village (a claim that could not be verified).",
        "KYIV, March 5 (Reuters) - Ukraine said on Tuesday it had shot down 20 drones over the south.",
        "“We need your help,” the mayor told reporters, adding that the city had run out of generators.",
        "Photos posted on social media showed smoke rising over the port, the agency reported.",
        "The monthly report by the UN monitoring mission said at least 120 civilians were killed.",
        "Key events on day 742 of the war (live)",
        "Dear readers of the ministry's statement will notice it does not mention the second strike.",
        "Read the full statement on the ministry's website, the spokesman told reporters on Monday.",
        "Officials said the shelling had damaged a school, a hospital and a power station (see map).",
        "By Monday, the army had lost 40 men, the ministry said.",
        "By Jane Doe's account, the shelling lasted all night, and two people were killed in the strike.",
    ],
)
def test_news_line_is_not_chrome(line: str) -> None:
    assert chrome_lines(article_with(line)) == []


def test_plain_news_article_has_no_chrome() -> None:
    assert find_chrome("\n\n".join(PROSE)) == ()


def test_trailing_appeal_makes_the_rest_chrome() -> None:
    appeal = [
        "A Message from Example Daily:",
        "Dear friends,",
        "Authorities said last year that our reporting was illegal, and our editor told readers we would not stop.",
        "Every donation, however small, helps us keep going.",
        "Thank you.",
    ]
    text = "\n\n".join(PROSE + appeal) + "\n"
    assert find_chrome(text) == ((text.index(appeal[0]), len(text) - 1),)


def test_trailing_newsletter_box_makes_the_rest_chrome() -> None:
    box = ["Sign up for our weekly newsletter", "Get the best of our reporting in one place.", "Subscribe"]
    text = "\n\n".join(PROSE + box)
    assert chrome_lines(text) == box


def test_the_links_under_a_read_more_heading_are_chrome() -> None:
    links = ["READ MORE", "- Port town: strike toll rises to 43", "• Fuel prices double as roads close"]
    text = "\n\n".join([PROSE[0], "\n".join(links), PROSE[1], "- A bullet of the story itself"])
    assert chrome_lines(text) == links


def test_appeal_line_early_in_text_does_not_end_the_article() -> None:
    text = "\n\n".join([PROSE[0], "Dear readers,", *PROSE[1:]])
    assert chrome_lines(text) == ["Dear readers,"]


def test_chrome_ranges_cover_whole_lines_and_merge_across_blank_lines() -> None:
    text = "\n\n".join([PROSE[0], "Advertisement", "Jane Roe / Telegram", PROSE[1], "Read more"])
    ranges = find_chrome(text)
    assert ranges == (
        (text.index("Advertisement"), text.index("Telegram") + len("Telegram")),
        (text.index("Read more"), len(text)),
    )
    for begin, end in ranges:
        assert begin == 0 or text[begin - 1] == "\n"
        assert end == len(text) or text[end] == "\n"


@pytest.mark.parametrize("text", ["", "\n\n", "   "])
def test_empty_text_has_no_chrome(text: str) -> None:
    assert find_chrome(text) == ()


def test_user_rules_extend_the_patterns() -> None:
    rules = parse_chrome_rules(["# mine", "@line", r"^listen to our podcast\b"])
    text = "\n\n".join([PROSE[0], "Listen to our podcast on the war", PROSE[1]])
    assert find_chrome(text, rules=rules) == ((text.index("Listen"), text.index(PROSE[1]) - 2),)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["@line", "^(unclosed"], "my.txt:2: bad regular expression"),
        (["@footer", "x"], "my.txt:1: unknown section '@footer' (expected one of @tail, @line, @list, @short, @keep)"),
        (["^no section"], "my.txt:1: pattern before any '@section' line"),
    ],
)
def test_bad_rules_name_the_file_and_line(lines: list[str], message: str) -> None:
    with pytest.raises(NewsgraphError, match="^" + re.escape(message)):
        parse_chrome_rules(lines, source="my.txt")


def test_rules_file_has_every_section() -> None:
    rules = read_chrome_rules(REPO_RULES)
    assert all([rules.tail, rules.line, rules.short, rules.keep])


def test_seed_articles_chrome() -> None:
    text = (SEEDS / "001_de4eb1a377785554.txt").read_text(encoding="utf-8")
    found = chrome_lines(text)
    tail = text[text.index("Sign up for our free weekly newsletter") :]
    expected = ["Support The Moscow Times!", "Arkhangel Setsnaz / Telegram", "Updates with Defense Ministry statement."]
    assert found == expected + [line.strip() for line in tail.split("\n") if line.strip()]

    text = (SEEDS / "000_2cfd3623d210ff28.txt").read_text(encoding="utf-8")
    assert chrome_lines(text) == ["Ukraine soldiers trying to attack Russians (Twitter)", "Attacks on civilians (Twitter)"]


def test_signup_box_inside_a_story_does_not_swallow_the_rest():
    text = ("Troops advanced on the town on Monday, officials said.\n\n" + "Fighting went on through the night. " * 4 + "\n\n"
            "Sign up for our Morning Brief newsletter\n"
            "Enter your email address\n\n"
            "The army said later that 40 soldiers had been wounded in the assault on the eastern district, "
            "and that reinforcements were on their way to the front line.\n")
    spans = find_chrome(text)
    tail = text.index("The army said later")
    assert any(text[a:b].startswith("Sign up") for a, b in spans)
    assert all(b <= tail for a, b in spans)
