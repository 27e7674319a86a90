"""Site furniture: the shipped config's patterns cut inline links and datelines from the body."""

from __future__ import annotations

import pytest

from perspectives.config import Cleaning
from perspectives.stages.articles.cleaning import Cleaner
from perspectives.stages.articles.reader import parse_article


def test_read_it_here_links_are_cut_from_the_claim(read_seed) -> None:
    article = read_seed("004_c2d20aa3aa99969e.txt")
    assert article.body.endswith("ordered to remove the piece from its website!")


@pytest.mark.parametrize("dateline", ["MOSCOW, Dec. 15 (Xinhua) -- ", "YINCHUAN, Aug. 9 (Xinhua) --", "BEIJING — "])
def test_datelines_are_furniture(dateline: str, cleaner: Cleaner) -> None:
    text = f"---\ntitle: Wire\n---\n{dateline}Xi and Putin held a call. MOSCOW stays in caps.\n"
    article = parse_article(text.encode(), article_id="w", cleaner=cleaner)
    assert article.body == "Xi and Putin held a call. MOSCOW stays in caps."


STANDFIRST = ("Two leaders met by video and agreed on little: a partnership with no limits, they said, though "
              "neither would name what it covers, and both went home to speeches that said the opposite of what "
              "they had told each other an hour before.")  # 43 words
BODY = "The call lasted an hour. It produced no treaty. Markets did not move. Analysts were not impressed."
ARTICLE = "\n\n".join([STANDFIRST] + [BODY] * 8)  # 43 + 8 × 17 = 179 words


@pytest.mark.parametrize("cleaning, expected", [
    # A paragraph of over 40 words taken by a drop pattern: the standfirst, the article's thesis.
    ({"drop": ["^Two leaders"]}, "cleaning.drop '^Two leaders' removed a paragraph of 43 words (“Two leaders met "
     "by video and agreed on …”); check that it matches only site furniture"),
    ({"remove": ["met by.*"]}, "cleaning.remove 'met by.*' removed a passage of 41 words (“met by video and "
     "agreed on little: a …”); check that it matches only site furniture"),
    # Over a third of the words, in paragraphs short enough each.
    ({"drop": ["^The call"]}, "cleaning.drop '^The call' removed 136 of the article's 179 words, over a third; "
     "check that it matches only site furniture"),
    ({"remove": ["Markets did not move\\. Analysts were not impressed\\.|The call lasted an hour\\."]},
     "cleaning.remove 'Markets did not move\\\\. Analysts were not impressed\\\\.|The call lasted an hour\\\\.' "
     "removed 104 of the article's 179 words, over a third; check that it matches only site furniture"),
])
def test_overeager_pattern_is_warned_naming_it(cleaning: dict[str, list[str]], expected: str) -> None:
    cleaner = Cleaner.from_config(Cleaning(**cleaning))
    article = parse_article(ARTICLE.encode(), article_id="s", cleaner=cleaner)
    assert article.warnings == (expected,)


def test_furniture_patterns_are_not_warned(cleaner: Cleaner) -> None:
    text = f"{BODY}\n\nSubscribe to our newsletter for more.\n\n{BODY}\n"
    article = parse_article(text.encode(), article_id="f", cleaner=cleaner)
    assert ("Subscribe to our newsletter for more.", "cleaning.drop '^Subscribe to (our|the) newsletter'") \
        in article.dropped
    assert article.warnings == ()


@pytest.mark.parametrize("cleaning", [
    {"drop": ["^Share this$", "^Subscribe to", "^Follow us"], "end_of_body": ["^About the author", "^Notes:"],
     "remove": [r" \(see more\)", "^HAVANA -- "]},
    # A quote left open (\Q) runs to its pattern's end: the patterns are then tried one by one.
    {"drop": ["^Share this$", r"^\QSubscribe to", "^Follow us"], "end_of_body": [r"^\QAbout the author", "^Notes:"],
     "remove": [r"\Q (see more)", "^HAVANA -- "]},
])
def test_each_pattern_of_a_section_still_applies(cleaning: dict[str, list[str]]) -> None:
    text = ("HAVANA -- Talks opened (see more) on Monday.\n\nShare this\n\nThe envoys met. (See more)\n\n"
            "SUBSCRIBE TO our letters\n\nfollow us on the site\n\nThey agreed.\n\nAbout the author: a reporter.\n\n"
            "A footer line.")
    article = parse_article(text.encode(), article_id="c", cleaner=Cleaner.from_config(Cleaning(**cleaning)))
    assert article.body == "Talks opened on Monday.\n\nThe envoys met.\n\nThey agreed."
    assert [reason.split(" ")[0] for _, reason in article.dropped] == \
        ["cleaning.remove", "cleaning.remove", "cleaning.remove"] + ["cleaning.drop"] * 3
