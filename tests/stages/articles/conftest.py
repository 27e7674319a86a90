"""Fixtures for reading articles: the shipped config's cleaner and the bundled articles read with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from perspectives.config import load_config
from perspectives.records import Article
from perspectives.stages.articles.cleaning import Cleaner
from perspectives.stages.articles.reader import parse_article

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    config = load_config(ROOT / "config.yaml")
    return Cleaner.from_config(config.cleaning)


@pytest.fixture
def read_seed(cleaner: Cleaner) -> Callable[[str], Article]:
    """Read a bundled article by file name with the shipped config's cleaner."""

    def read(name: str) -> Article:
        return parse_article((ROOT / "data" / "articles" / name).read_bytes(), article_id=name, cleaner=cleaner)

    return read


def make_pdf(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A PDF of one Helvetica line per item, top to bottom; an empty item leaves a blank line. A page given as
    [] holds only a drawn rectangle: no text layer, like a scan."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        if lines:
            escaped = [ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for ln in lines]
            ops = [f"BT /F1 10 Tf 1 0 0 1 56 {780 - 14 * i} Tm ({ln}) Tj ET" for i, ln in enumerate(escaped) if ln]
        else:
            ops = ["0.5 g 56 56 480 700 re f"]
        stream = "\n".join(ops).encode("latin-1")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream.decode('latin-1')}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {len(objects)} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    if info:
        objects.append("<< " + " ".join(f"/{key} ({value})" for key, value in info.items()) + " >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    trailer = f"/Info {len(objects)} 0 R " if info else ""
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
