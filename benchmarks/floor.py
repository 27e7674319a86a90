"""The floor: the fastest measured way to do a build's work with vectorised tools, the figure a build is held to.

It reads every article file, splits the bodies into sentences with RE2 over an Arrow array (an RE2 replace marks
each sentence's end, keeping the punctuation ``split_pattern_regex`` would drop), matches every term list of the
config (each topic rule's terms and groups, exclusions, context cues, each position's cues and exclusions, the
certainty hedges and boosters, the continuation openers, the sources' names and aliases) with
``pyarrow.compute.match_substring_regex`` over the sentences on pyarrow's thread pool, and writes the sentences
and the (sentence, list) hits as Parquet. It uses none of the project's code, so it stays put while the build
changes.

What it leaves out (markup, cleaning, quotations, voice, scoring a stance) only makes the floor lower. Run as a
script in a fresh process, it prints its parts as JSON:
``python benchmarks/floor.py --config CONFIG --out DIR [--threads 2]``.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.acero as ac
import pyarrow.compute as pc
import pyarrow.parquet as pq
import yaml

THREADS = 2
FRONT_MATTER = r"(?s)\A---\n.*?\n---\n"
# A sentence ends at . ! or ? (and any closing quotes or brackets) before white space; a blank line ends one too.
SENTENCE_END = r"([.!?][\"'”’)\]]*)\s+|\n\s*\n\s*"
# The last word of a term also matches its inflections (treaty → treaties, extend → extended); the floor's
# approximation is a few suffixes, the same kind of work for a regex engine as the build's exact rule.
INFLECTION = "(?:s|es|ed|d|ing)?"
Y_INFLECTION = "(?:y|ies|ied|ying)"
RULE_KEYS = ("rules", "exclude", "context", "cues", "positions")


def term_lists(config: dict[str, Any]) -> dict[str, list[str]]:
    """Every term list of the config, by where it sits: the lists a build matches against every claim."""
    lists: dict[str, list[str]] = {}
    for topic in config.get("topics") or []:
        for path, rule in _rules(topic, f"topics.{topic['id']}"):
            if "terms" in rule:
                lists[f"{path}.terms"] = rule["terms"]
            for n, group in enumerate(rule.get("groups") or []):
                lists[f"{path}.groups.{n}"] = group
    for key in ("hedges", "boosters"):
        if terms := (config.get("certainty") or {}).get(key):
            lists[f"certainty.{key}"] = terms
    if names := [n for s in config.get("sources") or [] for n in (s["name"], *(s.get("aliases") or []))]:
        lists["sources"] = names
    return lists


def patterns(config: dict[str, Any]) -> dict[str, str]:
    """The RE2 pattern of every term list, pattern rule and the continuation openers, by name."""
    found = {name: term_pattern(terms) for name, terms in term_lists(config).items()}
    for topic in config.get("topics") or []:
        for path, rule in _rules(topic, f"topics.{topic['id']}"):
            if "pattern" in rule:
                found[f"{path}.pattern"] = f"(?i:{rule['pattern']})"
    if openers := (config.get("continuation") or {}).get("openers"):
        # Openers match at a sentence's start, case as written.
        found["continuation.openers"] = "^(?:" + "|".join(re.escape(str(o)) for o in openers) + r")\b"
    return found


def _rules(node: dict[str, Any], path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every rule under a topic (its rules, exclusions, context cues and positions), with its path."""
    for key in RULE_KEYS:
        for n, child in enumerate(node.get(key) or []):
            here = f"{path}.{key}.{child.get('id', n)}"
            if "kind" in child:
                yield here, child
            else:
                yield from _rules(child, here)


def term_pattern(terms: list[str]) -> str:
    """One RE2 alternation for a term list, as the rule language reads terms.

    ``'quoted'`` matches only as written (case aside); ``word*`` is a prefix; a term in CAPITALS matches
    case-sensitively; any other term ignores case and its last word takes inflections. Spaces match any run
    of white space.
    """
    return "(?:" + "|".join(_term(str(t)) for t in terms) + ")"


def _term(term: str) -> str:
    quoted = len(term) > 2 and term[0] == term[-1] == "'"
    if quoted:
        term = term[1:-1]
    prefix = term.endswith("*")
    core = r"\s+".join(re.escape(word) for word in term.rstrip("*").split())
    if prefix:
        core += r"\w*"
    elif not quoted and not term.isupper():
        core = core[:-1] + Y_INFLECTION if core.endswith("y") else core + INFLECTION
    if not term.isupper() or quoted:
        core = f"(?i:{core})"
    start = r"\b" if re.match(r"\w", term) else ""
    end = r"\b" if prefix or re.search(r"\w$", term) else ""
    return start + core + end


def read_articles(config_path: Path, config: dict[str, Any]) -> pa.Array:
    """Every article file's text, in config order."""
    files = [config_path.parent / entry["path"] for entry in config.get("articles") or []]
    return pa.array([f.read_bytes() for f in files], pa.binary()).cast(pa.string())


def split_sentences(texts: pa.Array) -> pa.Table:
    """One row per sentence: its article's row, its place in the article, its text."""
    bodies = pc.replace_substring_regex(texts, FRONT_MATTER, "")
    marked = pc.replace_substring_regex(bodies, SENTENCE_END, "\\1\n")
    lists = pc.split_pattern(marked, "\n")
    sentences = pc.list_flatten(lists)
    kept = pc.not_equal(pc.utf8_trim_whitespace(sentences), "")
    article = pc.filter(pc.list_parent_indices(lists), kept).to_numpy()
    # Rows come grouped by article: a sentence's place is its distance from its article's first row.
    index = np.arange(len(article)) - np.searchsorted(article, article)
    return pa.table({"article": article, "index": index, "text": pc.filter(sentences, kept)})


def match_lists(sentences: pa.Table, lists: dict[str, str]) -> pa.Table:
    """The sentence rows (``row``) and a boolean column per term list: whether the sentence matches it.

    One Acero projection holds every match: Acero cuts the table into batches and runs them on pyarrow's CPU
    pool (``pa.set_cpu_count``), as fast as the other ways measured (a Python thread per list, or per half of
    the sentences). Batches may finish out of order, so each row carries its number.
    """
    table = pa.table({"row": np.arange(sentences.num_rows), "text": sentences.column("text")})
    expressions = [pc.field("row"), *(pc.match_substring_regex(pc.field("text"), p) for p in lists.values())]
    plan = ac.Declaration.from_sequence([
        ac.Declaration("table_source", ac.TableSourceNodeOptions(table)),
        ac.Declaration("project", ac.ProjectNodeOptions(expressions, ["row", *lists])),
    ])
    return plan.to_table(use_threads=True)


def hits(matches: pa.Table) -> pa.Table:
    """The matches as rows (sentence row, list number), as a build's claim_topics holds them."""
    names = matches.column_names[1:]
    rows = [pc.filter(matches["row"], matches[name]) for name in names]
    lists = [np.full(len(r), n, np.int32) for n, r in enumerate(rows)]
    return pa.table({"sentence": pa.chunked_array([c for r in rows for c in r.chunks], pa.int64()),
                     "list": np.concatenate(lists) if lists else np.array([], np.int32)})


def run_floor(config_path: Path, out_dir: Path, *, threads: int = THREADS) -> dict[str, Any]:
    """Do the floor's work on ``config_path``'s articles; seconds of each part and what it produced."""
    pa.set_cpu_count(threads)
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    lists = patterns(config)
    clock = time.perf_counter()
    parts: dict[str, float] = {}

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        parts[name], clock = now - clock, now

    texts = read_articles(config_path, config)
    lap("read")
    sentences = split_sentences(texts)
    lap("split")
    found = hits(match_lists(sentences, lists))
    lap("match")
    out_dir.mkdir(parents=True, exist_ok=True)
    pq.write_table(sentences, out_dir / "sentences.parquet")
    pq.write_table(found, out_dir / "hits.parquet")
    lap("write")
    return {"parts": parts, "articles": len(texts), "sentences": sentences.num_rows, "lists": len(lists),
            "terms": sum(map(len, term_lists(config).values())), "hits": found.num_rows, "threads": threads}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True, help="where to write the Parquet files")
    parser.add_argument("--threads", type=int, default=THREADS)
    args = parser.parse_args()
    print(json.dumps(run_floor(args.config, args.out, threads=args.threads)))


if __name__ == "__main__":
    main()
