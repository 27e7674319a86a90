"""Site furniture: the shipped config's patterns cut inline links and datelines from the body."""

from __future__ import annotations

import pytest

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
