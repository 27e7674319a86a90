"""Furniture of any site, recognised by its shape rather than by site: credits and captions, timestamps and
datelines (alone, or glued to the first sentence), related-link lines, tag lines and navigation trails,
subscription notices, embedded-post chrome, forwarded-mail subjects. Each test names the kind, so what was
dropped can be shown with its reason."""

from __future__ import annotations

import re

_WORDS = re.compile(r"\w+")
# "Photo: Yang Chonghai/CSST", "PHOTO: REUTERS", "Image credit: AFP", "Illustration: Chen Xia/GT".
_CREDIT_LABEL = r"(?:photo|image|picture|illustration|graphic|video|file photo|cover photo|credit|source)s?"
_CREDIT = re.compile(rf"^{_CREDIT_LABEL}(?:\s*(?:credit|by))?\s*[:|/]", re.IGNORECASE)
# A credit glued to the sentence after it: "Illustration: Chen Xia/GT To counter ..." (name/AGENCY, then text).
# The agency is in capitals and what follows reads as a sentence, so "Photo: Jane Roe/Harbour Agency" stays whole.
_CREDIT_PREFIX = re.compile(rf"^{_CREDIT_LABEL}\s*:\s*[^/:.]{{1,40}}/(?-i:[A-Z]{{2,}})\s+"
                            r"(?=(?-i:[A-Z])\S*(?:\s+\S+){3})", re.IGNORECASE)
# "(Xinhua/Ding Lin)", "(Photo by AFP)", "(With inputs from agencies)", "(Reporting by …; editing by …)".
_PAREN_CREDIT = re.compile(r"^\((?:[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}/[^)]{1,40}|(?:photo|image|with inputs?|"
                           r"with agency inputs|inputs|reporting|writing|editing|additional reporting|"
                           r"compiled|edited)\b[^)]{0,120})\)\.?$", re.IGNORECASE)
# Captions that say what a picture shows: "A handout photo made available by … shows …", "Pictured: …".
# (A claim may say "Satellite images show …"; a caption says "A handout photo … shows …".)
_CAPTION = re.compile(r"^(?:pictured|above|below|top|left|right|main picture)\s*:|\(pictured\)|"
                      r"^an? (?:handout |file |undated |screenshot |still )?(?:photo(?:graph)?|picture|image|"
                      r"screenshot|still)\b[^.]{0,150}\b(?:shows?|showing)\b", re.IGNORECASE)
# A time of day or an ISO date in a short line: "2021-06-18 15:39:36 | Source:", "(Xinhua) 08:12, December 15".
_STAMP = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{4}-\d{2}-\d{2}\b|^(?:updated|published|posted|last "
                    r"updated|first published|modified)\b|(?-i:/[A-Z]{2,}/)", re.IGNORECASE)
_RELATED = re.compile(r"^(?:see also|read more|read also|also read|related(?: articles?| stories| news)?|"
                      r"recommended|more on this|more from|you may also like|trending|watch)\s*[:|>-]",
                      re.IGNORECASE)
# A related link's title glued to the next sentence: "…Report SaysChina and India…".
_GLUED = re.compile(r"[a-z)](?=[A-Z][a-z])")
_TAGS = re.compile(r"^(?:tags?|topics?|keywords|filed under|categories|category|section)\s*:", re.IGNORECASE)
_TRAIL = re.compile(r"\s(?:›|»|>|/|\|)\s")
# Notices address the reader ("Subscribe …", "Sign up …") or name the site's own terms.
_NOTICE = re.compile(r"^(?:subscribe|sign up|sign in|log in|register|already a subscriber|support our|"
                     r"advertisement|sponsored|copyright)\b|\b(?:newsletter|paywall|free trial|unlimited access|"
                     r"billing|privacy policy|terms of (?:use|service)|all rights reserved)\b|©", re.IGNORECASE)
# An embedded post: a whole line that is a signature, a handle or a link (tested with ``match``), or a link
# to a post anywhere; both links hold a "/", so a paragraph without one is spared the scan for them.
_POST_LINE = re.compile(r"—\s*.{1,80}\(@\w{1,30}\)|@\w{1,30}$|https?://\S+$|(?:www\.)\S+$|"
                        r"\S+\.(?:com|org|net|ru|cn)/\S*$", re.IGNORECASE)
_POST_LINK = re.compile(r"pic\.twitter\.com/|\bt\.co/\w+", re.IGNORECASE)
# A picture credit closing a caption's paragraph: "… in Beijing. Photo: Lena Park/AFP", "… 2021. (Xinhua/Li Wen)".
_TRAILING_CREDIT = re.compile(rf"(?:^|[.!?”\"]\s+){_CREDIT_LABEL}\s*:\s*[^.:]{{1,60}}$|"
                              r"\s\([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}/[^)]{1,40}\)$", re.IGNORECASE)
# A dateline glued to the first sentence: "MOSCOW, December 27. /TASS/. …", "OSLO, March 4 (NTB) — …",
# "BEIJING - …". Capitals only, so a sentence that opens with an acronym keeps it.
_DATELINE = re.compile(r"^(?-i:[A-Z][A-Z.'’ -]{2,40})(?:,\s+[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?\.?)?\s*"
                       r"(?:/[A-Z]{2,}/\.?|\([A-Z][\w ]{1,20}\))?\s*(?:--|—|–|-)?\s+(?=[A-Z“\"])")
_MAIL_SUBJECT = re.compile(r"^\[[^\]]{1,30}\]\s")
_BYLINE = re.compile(r"^(?i:by|written by|reporting by|words by)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
                     r"(?:\s*[,|–—-]\s*[\w ,.'’-]{0,80})?$")
_SHORT = 12    # words: timestamps, tag lines and trails are short
_NOTICE_MAX = 30


def kind_of(text: str) -> str | None:
    """The kind of furniture a whole paragraph is, or None when it reads as article text.

    The kinds are tried in this order, the first that fits wins. Each word limit is tested before its
    pattern: most paragraphs are long article text, which the limits rule out without a scan.
    """
    if _CREDIT.match(text) and not _CREDIT_PREFIX.match(text) or _PAREN_CREDIT.match(text):
        return "credit"
    words = len(_WORDS.findall(text))
    if words <= 60 and _CAPTION.search(text):
        return "caption"
    if words <= _SHORT and _STAMP.search(text):
        return "timestamp"
    if _RELATED.match(text) and not _GLUED.search(text):
        return "related link"
    if _TAGS.match(text):
        return "tags"
    if words <= _SHORT and len(_TRAIL.findall(text)) >= 2:
        return "navigation"
    if words <= _NOTICE_MAX and _NOTICE.search(text):
        return "notice"
    if _POST_LINE.match(text) or "/" in text and _POST_LINK.search(text):
        return "embedded post"
    if words <= _SHORT and _MAIL_SUBJECT.match(text):
        return "forwarded subject"
    if words <= 20 and _BYLINE.match(text):
        return "byline"
    return None


def strip_glued(text: str) -> tuple[str, tuple[str, str] | None]:
    """A paragraph without a credit, a dateline or a related-link title glued to its first sentence, and what
    was cut with its kind."""
    if match := _CREDIT_PREFIX.match(text):
        return text[match.end():], (match.group().strip(), "credit")
    dateline = _DATELINE.match(text)
    if dateline and _is_dateline(dateline.group()):
        return text[dateline.end():], (dateline.group().strip(), "dateline")
    related = _RELATED.match(text)
    if related and (glue := _GLUED.search(text, related.end())):
        return text[glue.end():], (text[:glue.end()].strip(), "related link")
    return text, None


def _is_dateline(cut: str) -> bool:
    """Whether capitals at a paragraph's start are a dateline: a place with a date, an agency or a dash."""
    return bool(re.search(r"\d|/[A-Z]{2,}/|\(|--|—|–|\s-\s", cut)) and sum(c.isalpha() for c in cut) >= 3


def is_picture_credit(text: str) -> bool:
    """Whether a paragraph is a picture credit (so the paragraph before it is most likely a caption)."""
    return bool(_CREDIT.match(text) and not _CREDIT_PREFIX.match(text)
                or re.match(r"^\((?:photo|image|picture|[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}/)", text, re.I))


def is_caption_length(text: str) -> bool:
    """Whether a paragraph could be a caption: one sentence of at most 40 words, not a quotation."""
    return len(text.split()) <= 40 and not text.lstrip().startswith(("“", '"')) \
        and not re.search(r"[.!?][”\"’)]?\s+[A-Z“\"]", text.rstrip())


def ends_with_picture_credit(text: str) -> bool:
    """Whether a paragraph ends with a picture credit: the paragraph is a caption."""
    # Each credit it finds has its colon ("Photo: …") or its slash ("(Agency/Name)"): most paragraphs have
    # neither, and are spared a scan that tries the pattern at every character.
    return (":" in text or "/" in text) and bool(_TRAILING_CREDIT.search(text))
