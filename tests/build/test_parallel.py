"""Parallel builds: the tables of a build over several worker processes equal a serial build's."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.build.conftest import assert_same_tables, build_tables


def test_parallel_and_serial_builds_produce_identical_tables(seed_corpus: Path, tmp_path: Path) -> None:
    data = yaml.safe_load(seed_corpus.read_text(encoding="utf-8"))
    base = data["articles"]
    # Three copies of each bundled article under new ids: enough for several chunks per worker.
    data["articles"] = [{**entry, "id": f"{entry.get('id', Path(entry['path']).stem)}-{n}"}
                        for n in range(3) for entry in base]
    seed_corpus.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    other = tmp_path / "parallel"
    shutil.copytree(seed_corpus.parent / "data" / "articles", other / "data" / "articles")
    shutil.copy(seed_corpus, other / "config.yaml")
    serial = build_tables(seed_corpus, workers=1)
    parallel = build_tables(other / "config.yaml", workers=2)
    assert_same_tables(parallel, serial)
    assert len(serial["articles"]) == 3 * len(base)
