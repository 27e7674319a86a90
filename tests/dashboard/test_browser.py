"""End to end: the dashboard served by `streamlit run`, driven in headless Chromium like a user would."""

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.dashboard.conftest import APP, FIXTURE

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
STARTUP_ATTEMPTS = 240
TIMEOUT_MS = 30_000


def _require_chromium():
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing; CI must run the browser test (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} is missing; install Debian's chromium to run the browser test")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url, proc, log):
    """Poll Streamlit's health endpoint until it answers, or fail with the server's log."""
    for _ in range(STARTUP_ATTEMPTS):
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(f"streamlit did not come up:\n{log.read_text()}")


class _Url(str):
    """The server's address, carrying the folder of the corpus it serves."""

    corpus: Path


@contextlib.contextmanager
def _serve(tmp_path, *options):
    """The app on a free port over a private copy of the fixture corpus; stopped however the caller ends."""
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "streamlit.log"
    env = {**os.environ, "PERSPECTIVES_CONFIG": str(corpus / "config.yaml")}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port), *options,
             "--", "--config", str(corpus / "config.yaml")],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(url, proc, log)
        served = _Url(url)
        served.corpus = corpus
        yield served
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def server(tmp_path):
    """The app as the browser test drives it."""
    with _serve(tmp_path, "--server.headless", "true", "--server.address", "127.0.0.1",
                "--browser.gatherUsageStats", "false") as url:
        yield url


def _listening_addresses(port):
    """Local addresses with a socket listening on ``port``, read from /proc (no traffic sent)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as handle:
            for line in handle.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, hex_port = local.rsplit(":", 1)
                if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                    found.add(address)
    return found


def test_server_listens_on_loopback_unless_told_otherwise(tmp_path):
    """Started from the project folder with no address flag, the app is reachable from this machine only."""
    with _serve(tmp_path) as url:
        port = int(url.rsplit(":", 1)[1])
        assert _listening_addresses(port) == {"0100007F"}  # 127.0.0.1, little-endian hex


@pytest.fixture
def page():
    _require_chromium()
    from playwright.sync_api import expect, sync_playwright

    # The first visit rebuilds the tables; on a busy machine that outlasts expect's 5-second default.
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1440, "height": 900})
            tab = context.new_page()
            tab.set_default_timeout(TIMEOUT_MS)
            yield tab
        finally:
            browser.close()


def _choose(page, key, option):
    """Pick an option in the selectbox or multiselect with widget key ``key``."""
    _settle(page)
    page.locator(f".st-key-{key} [role=combobox]").click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    _settle(page)


def _view(page, name):
    """Switch to a view with the navigation radio."""
    page.locator(".st-key-view").get_by_text(name, exact=True).click()
    _settle(page)


def _settle(page):
    """Wait until Streamlit has finished the rerun the last interaction started, and drawn it: right after a
    page load the app reads "not running" before its first run starts, while skeletons stand for every
    element it has yet to draw."""
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector(\"[data-testid='stSkeleton']\")")
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for()


def test_compare_two_authors_side_by_side_and_hostile_text_stays_text(server, page):
    from playwright.sync_api import expect

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server)
    expect(page.get_by_text("No claims on Taiwan")).to_be_visible()

    _choose(page, "topic", "Taiwan")
    _choose(page, "authors", "Alice Walker")
    _choose(page, "authors", "Bob Chen")
    heads = page.locator(".pv-head")
    expect(heads).to_have_count(2)
    expect(heads.nth(0)).to_have_text("Alice Walker")
    expect(heads.nth(1)).to_have_text("Bob Chen")
    expect(page.get_by_text("Warships cross the strait every week", exact=False)).to_be_visible()
    expect(page.get_by_text("Taiwan will be reunified", exact=False)).to_be_visible()
    expect(page).to_have_url(re.compile(r"authors=Alice(\+|%20)Walker"))
    page.screenshot(path=str(ARTIFACTS / "compare.png"), full_page=True)

    page.get_by_role("button", name="Reset filters").click()
    _settle(page)
    _view(page, "Article")
    page.locator(".st-key-article [role=combobox]").click()
    page.get_by_role("option", name="Hostile", exact=False).first.click()
    _settle(page)
    expect(page.get_by_text("<script>alert(1)</script>", exact=False).first).to_be_visible()
    expect(page.get_by_text("<img src=x onerror=alert(2)>", exact=False).first).to_be_visible()
    assert page.locator(".pv-article img, .pv-article script").count() == 0
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)

    _choose(page, "article", "Tension in the Strait · Alice Walker · The Herald · 2023-01-10")
    chip = page.locator(".pv-article .pv-context")
    expect(chip).to_have_count(1)
    expect(chip).to_have_attribute("title", 'Taiwan by context: "taipei" in sentence 4')
    page.locator(".st-key-dropped").get_by_text("Show dropped text").click()
    _settle(page)
    expect(page.locator(".pv-dropped").filter(has_text="Photo: Jane Roe/HERALD")).to_contain_text("credit")
    page.screenshot(path=str(ARTIFACTS / "article-context.png"), full_page=True)

    _view(page, "Overview")
    page.get_by_role("button", name="Reset filters").click()
    _settle(page)
    cells = page.locator(".st-key-heatmap g.mark-rect path")
    expect(cells.first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)
    # Authors sort alphabetically and topics follow the config, so cell 5 is Bob Chen x Energy.
    cells.nth(5).click()
    _settle(page)
    expect(page.locator(".pv-focus")).to_contain_text("Bob Chen")
    expect(page.locator(".pv-focus")).to_contain_text("claim on Energy")
    assert dialogs == [], f"a script in article text ran: {dialogs}"


def test_a_section_tab_draws_when_opened_and_the_address_keeps_it(server, page):
    """Sections drawn only when their tab is open (Contrast, Overview, Topics) appear on a click, and the address
    names the open one, so a shared link opens it."""
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{server}/?view=contrast&topic=taiwan")
    _settle(page)
    profile = page.get_by_text("Bob Chen: distinctive terms and the claims they come from")
    expect(profile).to_have_count(0)
    page.get_by_role("tab", name="Profiles").click()
    _settle(page)
    expect(profile).to_be_visible()
    expect(page).to_have_url(re.compile(r"contrast_part=Profiles"))
    page.screenshot(path=str(ARTIFACTS / "contrast-profiles.png"), full_page=True)
    page.reload()
    _settle(page)
    expect(profile).to_be_visible()

    _view(page, "Topics")
    page.get_by_role("tab", name="Claims no topic caught").click()
    _settle(page)
    expect(page.get_by_text("Every claim is placed in at least one topic.")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "topics-uncaught.png"), full_page=True)


VIEWPORTS = {"1440": {"width": 1440, "height": 1000}, "1024": {"width": 1024, "height": 768}}


def _chart_texts(page, key):
    """Every text the chart keyed ``key`` renders (Vega's SVG: axis labels, titles, legends, cell texts)."""
    chart = page.locator(f".st-key-{key} svg.marks").first
    chart.wait_for()
    return {t.strip() for t in chart.locator("text").all_text_contents()}


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_every_view_is_readable_and_every_matrix_label_is_drawn(server, page, size, tmp_path):
    """Screenshots of every view, by author and by outlet, at a laptop's and a small screen's width; the Overview
    heatmap draws every topic's label and the Sources matrix every source's, whole (never cut to "…"), and no
    button's label is cut short."""
    import pandas as pd
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size(VIEWPORTS[size])
    page.goto(server)  # the first visit builds the tables
    _settle(page)
    sources = set(pd.read_parquet(Path(server.corpus) / "processed" / "citations.parquet")["source"])
    topics = {"Taiwan", "Trade", "Energy"}
    for view in ("compare", "contrast", "overview", "sources", "article", "claims", "topics"):
        for by in ("author", "outlet"):
            page.goto(f"{server}/?view={view}&by={by}&topic=taiwan")
            _settle(page)
            expect(page.locator("[data-testid='stException']")).to_have_count(0)
            if view == "overview":
                labels = _chart_texts(page, "heatmap")
                assert topics <= labels, f"topic labels missing from the heatmap at {size}: {topics - labels}"
                assert all("…" not in t for t in labels), labels
            if view == "sources":
                labels = _chart_texts(page, "source_matrix")
                assert sources <= labels, f"source labels missing from the matrix at {size}: {sources - labels}"
            if view == "compare" and by == "outlet":
                expect(page.locator(".pv-head")).to_have_count(4)
            cut = page.evaluate(_CUT_BUTTON_LABELS)
            assert not cut, f"button labels cut short at {size} on {view}: {cut}"
            _screenshots(page, f"{view}-by-{by}-{size}", VIEWPORTS[size])


# The labels of the main area's buttons that do not fit their button (drawn cut short, "Briefin…").
_CUT_BUTTON_LABELS = """() => [...document.querySelectorAll('[data-testid=stMain] button')]
    .filter(button => [button, ...button.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1))
    .map(button => button.textContent)"""


def _screenshots(page, name, viewport):
    """The view as the screen shows it, and the whole of it at the same width: Streamlit scrolls its main area
    inside the page, so a full-page shot alone would stop at the window's height."""
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    height = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], int(height))})
    page.wait_for_timeout(500)  # charts resize to the new window
    page.screenshot(path=str(ARTIFACTS / f"{name}-whole.png"))
    page.set_viewport_size(viewport)
