"""Command line: ``perspectives add · build · validate · evaluate · score · export``."""

from __future__ import annotations

import gc
import json
import logging
import sys
import tempfile
from pathlib import Path

import click

from perspectives import __version__
from perspectives.build import store
from perspectives.build.run import run_pipeline
from perspectives.config import CONFIG_FILE, Config, ConfigError, load_config
from perspectives.evaluate import GoldError, evaluate, format_table, score_folder
from perspectives.measures.groups import AUTHOR, BUILT_IN
from perspectives.measures.selection import prepare_tables
from perspectives.present.briefing import FORMATS, render_briefing
from perspectives.records import Article
from perspectives.register import COPY_DIR, RegisterError, add_articles

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
_CONFIG_OPTION = click.option("--config", "config_path", default=CONFIG_FILE, show_default=True,
                              type=click.Path(path_type=Path), help="The config file.")
_OUTSIDE_OPTION = click.option("--allow-outside", is_flag=True,
                               help="Let article paths point outside the config's folder.")

# A command builds large structures that live to its end (a 5,000-article config, a claims table's placements)
# and makes little cyclic garbage, yet the default thresholds (700, 10, 10) collected about 590 times in a rule
# edit at 5,000 articles, four of them over the whole heap: 0.35-0.43 s of its 4 s. With these, 0.10-0.16 s.
# (mypy raises its threshold for the same reason.)
_GC_THRESHOLDS = (20_000, 50, 100)


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Put articles side by side: topics, voice and cited sources per author."""
    logging.basicConfig(level=logging.WARNING - 10 * verbose, format="%(levelname)s %(name)s: %(message)s")
    gc.set_threshold(*_GC_THRESHOLDS)


def _load(config_path: Path, allow_outside: bool = False, require_articles: bool = False) -> Config:
    try:
        return load_config(config_path, allow_outside=allow_outside, require_articles=require_articles)
    except ConfigError as exc:
        raise click.ClickException(f"{len(exc.problems)} problem(s) in the config:\n" + str(exc)) from None


@cli.command()
@_CONFIG_OPTION
@_OUTSIDE_OPTION
def validate(config_path: Path, allow_outside: bool) -> None:
    """Check a config without building; a listed article file that is missing is a problem here.

    Example: perspectives validate --config config.yaml
    """
    config = _load(config_path, allow_outside, require_articles=True)
    click.echo(f"{config_path}: OK ({len(config.articles)} articles, {len(config.topics)} topics, "
               f"{len(config.sources)} known sources)")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_CONFIG_OPTION
@click.option("--copy", is_flag=True, help=f"Copy the files under the config's {COPY_DIR.as_posix()}/ first.")
@click.option("--allow-outside", is_flag=True, help="List files outside the config's folder where they are.")
@click.option("--dry-run", is_flag=True, help="Show what would be added; change nothing.")
def add(paths: tuple[Path, ...], config_path: Path, copy: bool, allow_outside: bool, dry_run: bool) -> None:
    """List article files (text, markdown, web pages, PDFs), or every one in a folder, in the config.

    Each file is read as the build will read it, and its metadata shown. Files already listed (the same
    path, or the same content), files that cannot be read and files outside the config's folder are
    refused with the reason; the config keeps its comments and layout, only the new lines are added.

    Example: perspectives add ~/Downloads/page.html report.pdf --copy && perspectives build
    """
    try:
        result = add_articles(config_path, list(paths), copy=copy, allow_outside=allow_outside, dry_run=dry_run)
    except RegisterError as exc:
        raise click.ClickException(str(exc)) from None
    verb = "would add" if dry_run else "added"
    for added in result.added:
        click.echo(f"{verb} {added.entry['path']}: {_describe(added.article)}")
    # Adding a folder again is how new files in it get listed: its files already listed are only counted.
    relisted = [r for r in result.refused if not r.named and r.reason.startswith("already listed")]
    for refused in result.refused:
        if refused not in relisted:
            click.echo(f"{'refused' if refused.named else 'skipped'} {refused.path}: {refused.reason}", err=True)
    if relisted:
        click.echo(f"skipped {len(relisted)} file(s) already listed", err=True)
    if result.added:
        click.echo(f"{verb} {len(result.added)} article(s) to {config_path}; metadata in the config (title:, "
                   "author:, date:, outlet:) wins over the file's" + ("" if dry_run else
                   f"; next: perspectives build --config {config_path}"))
    else:
        click.echo("nothing added" if result.refused else "no article files found (.txt, .md, .html, .htm, .pdf)")
    if any(refused.named for refused in result.refused):
        sys.exit(1)


def _describe(article: Article) -> str:
    """An article's metadata on one line, naming what was not found, so it can be checked before a build."""
    title = f"“{article.title}”" if article.title else "(no title found)"
    parts = [article.author or "no author found", article.date or "no date found"]
    if article.outlet:
        parts.append(article.outlet)
    return f"{title} — {', '.join(parts)} ({len(article.paragraphs)} paragraphs, {len(article.body.split())} words)"


@cli.command()
@_CONFIG_OPTION
@_OUTSIDE_OPTION
def build(config_path: Path, allow_outside: bool) -> None:
    """Read the articles of a config and write the tables and build report.

    Example: perspectives build --config config.yaml
    """
    config = _load(config_path, allow_outside)
    with click.progressbar(length=len(config.articles), label="building", file=sys.stderr,
                           show_pos=True) as bar:
        def progress(done: int, total: int, label: str) -> None:
            bar.update(done - bar.pos)

        try:
            report = run_pipeline(config, progress=progress)
        except OSError as exc:
            raise click.ClickException(f"cannot write the tables to {config.output_dir}: {exc.strerror or exc}; "
                                       "make that folder writable or free some space, or set `output:` "
                                       f"in {config_path} to another folder") from None
    for warning in report["warnings"]:
        click.echo(f"warning: {warning}", err=True)
    for source in report.get("unrecognised_sources", []):
        click.echo(f"unrecognised source: {source['name']} ({source.get('count', 1)}x); to adopt it, add to "
                   f"sources:\n{source['suggested_entry']}", err=True)
    per_topic = ", ".join(f"{k} {v}" for k, v in report["claims_per_topic"].items())
    click.echo(f"read {report['articles_read']} of {len(config.articles)} articles: {report['claims']} claims "
               f"({report['claims_placed']} in a topic: {per_topic}), {report['citations']} citations "
               f"→ {config.output_dir}")


@cli.command("evaluate")
@_CONFIG_OPTION
@click.option("--gold", "gold_dir", required=True, type=click.Path(path_type=Path),
              help="Folder of gold annotation files (codebook format).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate_cmd(config_path: Path, gold_dir: Path, as_json: bool) -> None:
    """Score the current build of a config against gold annotations.

    Example: perspectives evaluate --gold data/gold --json
    """
    config = _load(config_path)
    try:
        scores = evaluate(config, gold_dir)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(scores, indent=2) if as_json else format_table(scores))


@cli.command()
@_CONFIG_OPTION
@click.option("--articles", "articles_dir", required=True, type=click.Path(path_type=Path),
              help="Folder of article files annotated in the gold folder.")
@click.option("--gold", "gold_dir", required=True, type=click.Path(path_type=Path),
              help="Folder of gold annotation files (codebook format) for those articles.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def score(config_path: Path, articles_dir: Path, gold_dir: Path, as_json: bool) -> None:
    """Score the config's rules on another annotated folder, without adding its articles to the config.

    The folder's articles are built with the config's topics, sources and cleaning into a temporary folder
    and scored against the gold files: how the rules do on articles they were not written for.

    Example: perspectives score --articles ../shared/dev/articles --gold ../shared/dev/gold
    """
    config = _load(config_path)
    with tempfile.TemporaryDirectory(prefix="perspectives-score-") as work:
        try:
            scores = score_folder(config, articles_dir, gold_dir, Path(work))
        except GoldError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(scores, indent=2) if as_json else format_table(scores))


@cli.command()
@_CONFIG_OPTION
@click.option("--topic", required=True, help="The topic id, as in config.yaml.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True,
              help="Markdown briefing or CSV rows.")
@click.option("--out", type=click.Path(path_type=Path), help="Write to this file instead of standard output.")
@click.option("--by", default=AUTHOR, show_default=True,
              help="Compare by author, outlet, article, or the id of a field declared in the config.")
def export(config_path: Path, topic: str, fmt: str, out: Path | None, by: str) -> None:
    """Export one topic's briefing: each author's (outlet's, …) claims, positions and cited sources side by side.

    Example: perspectives export --topic taiwan --by outlet --format md --out taiwan.md
    """
    config = _load(config_path)
    labels = {t.id: t.label for t in config.topics}
    if topic not in labels:
        raise click.ClickException(f"no topic {topic!r} in {config_path}; choose one of: {', '.join(labels)}")
    fields = {f.id: f.title for f in config.fields}
    if by not in (*BUILT_IN, *fields):
        raise click.ClickException(f"cannot compare by {by!r}; choose one of: {', '.join((*BUILT_IN, *fields))}")
    if not store.has_tables(config.output_dir):
        raise click.ClickException(f"nothing built yet in {config.output_dir}; run `perspectives build` first")
    tables = prepare_tables(store.read_tables(config.output_dir), tuple(fields))
    text = render_briefing(tables, topic, labels[topic], fmt, by=by, fields=fields)
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote the {labels[topic]} briefing to {out}")
