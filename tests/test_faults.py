"""Faults: a killed build and two builds at once (an unwritable output folder and no network: test_cli.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from perspectives.build import store
from perspectives.build.run import run_pipeline
from perspectives.config import load_config
from perspectives.tables import TABLES
from tests.conftest import N_ARTICLES, write_corpus


def start_build(config: Path) -> subprocess.Popen[str]:
    """``perspectives build`` in its own process group, so the test can kill it and its workers at once."""
    return subprocess.Popen([sys.executable, "-m", "perspectives", "build", "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def assert_tables_sound(out_dir: Path, n_articles: int) -> dict[str, pd.DataFrame]:
    """Every table reads, and every claim's offsets point into its article's body."""
    tables = store.read_tables(out_dir)
    assert len(tables["articles"]) == n_articles
    bodies = dict(zip(tables["articles"]["article_id"], tables["articles"]["body"], strict=True))
    claims = tables["claims"]
    assert claims["article_id"].isin(bodies).all()
    sample = claims.iloc[:: max(1, len(claims) // 500)]
    for aid, start, end, text in zip(sample["article_id"], sample["start"], sample["end"], sample["text"],
                                     strict=True):
        assert bodies[aid][start:end] == text
    return tables


def assert_same_tables(out_dir: Path, reference_dir: Path) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(store.read_table(out_dir, name), store.read_table(reference_dir, name))


def test_build_killed_at_any_point_leaves_readable_tables_and_the_next_build_is_right(tmp_path: Path) -> None:
    config = write_corpus(tmp_path)
    started = time.monotonic()
    first = subprocess.run([sys.executable, "-m", "perspectives", "build", "--config", str(config)],
                           capture_output=True, text=True, check=True)
    duration = time.monotonic() - started  # only to spread the kill points over a build; never asserted
    assert f"read {N_ARTICLES} of {N_ARTICLES} articles" in first.stdout
    out = tmp_path / "out"
    kills = 0
    for edition, fraction in enumerate((0.2, 0.5, 0.8, 0.95), start=2):
        write_corpus(tmp_path, edition=edition)  # every article changed: the build must read them all again
        build = start_build(config)
        try:
            build.wait(timeout=duration * fraction)
        except subprocess.TimeoutExpired:
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()
            kills += 1
        assert_tables_sound(out, N_ARTICLES)
    assert kills, "every build finished before its kill; the corpus is too small to test a kill mid-build"
    final = subprocess.run([sys.executable, "-m", "perspectives", "build", "--config", str(config)],
                           capture_output=True, text=True)
    assert final.returncode == 0, final.stderr
    assert not list(out.rglob(".*.tmp"))
    reference = write_corpus(tmp_path / "clean", edition=edition)
    subprocess.run([sys.executable, "-m", "perspectives", "build", "--config", str(reference)], check=True,
                   capture_output=True)
    assert_same_tables(out, tmp_path / "clean" / "out")


def test_two_builds_at_once_do_not_corrupt_the_output(tmp_path: Path) -> None:
    config = write_corpus(tmp_path, n=120)
    builds = [start_build(config) for _ in range(2)]
    for build in builds:
        _, err = build.communicate(timeout=280)
        assert build.returncode == 0, err
    assert_tables_sound(tmp_path / "out", 120)
    reference = write_corpus(tmp_path / "alone", n=120)
    run_pipeline(load_config(reference), workers=1)  # in-process: a pool here would re-import another test's __main__
    assert_same_tables(tmp_path / "out", tmp_path / "alone" / "out")


def test_second_build_waits_for_the_lock(tmp_path: Path) -> None:
    config = write_corpus(tmp_path, n=3)
    with store.build_lock(tmp_path / "out"):
        build = start_build(config)
        # Reading blocks until the build says it waits (or exits): no sleep, no race.
        waiting = next((line for line in build.stderr if "another build" in line), "")
        assert "another build is writing to" in waiting and "waiting for it to finish" in waiting
        assert build.poll() is None and not (tmp_path / "out" / store.REPORT_FILE).exists()
    _, err = build.communicate(timeout=120)
    assert build.returncode == 0, err
    assert_tables_sound(tmp_path / "out", 3)
