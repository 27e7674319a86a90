"""Table store: the Parquet tables and build report, written atomically and read back by column."""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from perspectives.tables import TABLES, empty_table, written_form

log = logging.getLogger(__name__)

REPORT_FILE = "build_report.json"
LOCK_FILE = ".build.lock"
# Rows per Parquet row group of the articles table: one article's body is then read with its few neighbours'
# (``read_article_value``), not with the whole corpus's.
ARTICLE_GROUP_ROWS = 64


def write_tables(out_dir: Path, tables: Mapping[str, pa.Table], report: dict[str, Any], *,
                 written: Mapping[str, Path] | None = None) -> None:
    """Replace all tables and the build report as one build's output.

    Every table is written to a temporary file first; the report is removed while the finished files
    are renamed into place, and written last. A build killed halfway through the renames thus leaves
    no report, which makes the folder stale, so the next build or dashboard visit rebuilds it rather
    than showing tables of two different builds.

    ``written`` names files that already hold a table exactly as it would be written here (the result
    cache's, in the same folder): they are hard-linked (or copied) instead of written a second time, so
    ``tables`` need not hold them, and left alone when the table's file is that file already (renaming a
    link over itself would do nothing, leaving the link).
    """
    written = written or {}
    missing = set(TABLES) - set(tables) - set(written)
    if missing:
        raise ValueError(f"no rows and no file for {', '.join(sorted(missing))}")
    staged: dict[str, Path] = {}
    try:
        for name in TABLES:
            done = written.get(name)
            if done and _same_file(done, out_dir / f"{name}.parquet"):
                continue
            staged[name] = _stage_copy(out_dir, name, done) if done else _stage_table(out_dir, name, tables[name])
        (out_dir / REPORT_FILE).unlink(missing_ok=True)
        for name, tmp in staged.items():
            os.replace(tmp, out_dir / f"{name}.parquet")
    except BaseException:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)
        raise
    write_json(out_dir / REPORT_FILE, report)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _stage_copy(out_dir: Path, name: str, file: Path) -> Path:
    """``file`` linked (or copied) beside the table's target."""
    tmp = out_dir / f".{name}.{os.getpid()}.link.tmp"
    tmp.unlink(missing_ok=True)
    link_or_copy(file, tmp)
    return tmp


def link_or_copy(source: Path, target: Path) -> None:
    """Make ``target`` a hard link to ``source`` (one file under two names: a change to either is a change
    to both), or a copy where the file system has no links."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _stage_table(out_dir: Path, name: str, table: pa.Table) -> Path:
    """The table written to a temporary file beside its target (its contract's columns only)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = _new_temp(out_dir, name)
    try:
        write_parquet(name, written_form(name, table), tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_parquet(name: str, table: pa.Table, file: Path) -> None:
    """Write an Arrow table of ``name`` to a Parquet file, the articles in small row groups."""
    pq.write_table(table, file, row_group_size=ARTICLE_GROUP_ROWS if name == "articles" else None)


def _new_temp(folder: Path, name: str) -> Path:
    """A new empty temporary file in ``folder`` for ``name``, with the mode any new file gets under the umask.

    Not ``tempfile.mkstemp``: its files are private (0600), so a table written here could not be read by
    another account (a dashboard served by a different user) while a table linked from the cache could.
    """
    while True:
        tmp = folder / f".{name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return tmp


@contextmanager
def build_lock(out_dir: Path) -> Iterator[None]:
    """Hold the output folder's build lock: a second build waits instead of mixing its tables with ours.

    Each file is replaced atomically, but two builds would still interleave whole tables (articles from
    one, claims from the other) and delete each other's cache generations. The OS drops an flock when its
    process dies, so a killed build never leaves the folder locked.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / LOCK_FILE, "a") as handle:  # "a": never truncate what another build holds
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("another build is writing to %s; waiting for it to finish", out_dir)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            _remove_temp_files(out_dir)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_temp_files(out_dir: Path) -> None:
    """Delete half-written files left by a killed build; safe only under the lock, when no build writes."""
    for tmp in out_dir.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def write_json(path: Path, data: Any) -> None:
    """Write JSON atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _new_temp(path.parent, path.name)
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, ensure_ascii=False, default=str)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def read_table(out_dir: Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One table, or an empty one with the right columns when it has not been built yet; as ``pd.read_parquet``
    reads it, each column in one piece.

    A table written by an older version may lack a column added since (the dashboard shows the last good
    tables while a config is broken): the missing columns come back empty, with the contract's dtypes.
    """
    path = Path(out_dir) / f"{name}.parquet"
    wanted = columns or list(TABLES[name])
    if not path.exists():
        return empty_table(name)[wanted]
    present = set(pq.read_schema(path).names)
    # Each column in one piece: Parquet reads a table a row group at a time (the articles' come 64 rows each),
    # and every later take of rows from a column in pieces (each filter, join and sort) joins them again.
    frame = pq.read_table(path, columns=[c for c in wanted if c in present]).combine_chunks().to_pandas()
    for column in (c for c in wanted if c not in present):
        frame[column] = pd.Series([pd.NA] * len(frame), index=frame.index, dtype=TABLES[name].get(column, "string"))
    return frame[wanted]


def read_article_value(out_dir: Path, article_id: str, column: str) -> str | None:
    """One string column of one article's row in the articles table (None when absent): the ids are read, then
    only the row group that holds the article, whatever order the ids are in."""
    path = Path(out_dir) / "articles.parquet"
    if not path.exists():
        return None
    articles = pq.ParquetFile(path)
    if column not in articles.schema_arrow.names:
        return None
    ids = articles.read(columns=["article_id"])["article_id"]
    found = pc.index(ids, article_id).as_py()
    if found < 0:
        return None
    start = 0
    for group in range(articles.metadata.num_row_groups):
        rows = articles.metadata.row_group(group).num_rows
        if found < start + rows:
            value = articles.read_row_group(group, columns=[column])[column][found - start].as_py()
            return value if isinstance(value, str) else None
        start += rows
    return None


def read_tables(out_dir: Path) -> dict[str, pd.DataFrame]:
    """Every table, by name."""
    return {name: read_table(out_dir, name) for name in TABLES}


def read_report(out_dir: Path) -> dict[str, Any] | None:
    """The last build report, or None before the first build."""
    path = Path(out_dir) / REPORT_FILE
    if not path.exists():
        return None
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result


def has_tables(out_dir: Path) -> bool:
    """Whether a build has written its tables here."""
    return all((Path(out_dir) / f"{name}.parquet").exists() for name in TABLES)
