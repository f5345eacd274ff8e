"""The HTML report in a real browser: hostile article text stays inert, sections show, details open on click."""

from __future__ import annotations

import importlib.util
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from storytrace.report.html import render_html
from storytrace.schema import Document, Dossier, Event, Statement, Speaker, TimeValue

pytestmark = pytest.mark.browser

SECTION_TITLES = ("Documents", "Claims board", "Timeline", "Actors", "Statements", "Provenance")
PWN_TEXT = (
    "Intro sentence. He said <img src=x onerror=\"window.__pwned=1;alert(3)\"> loudly. "
    "<script>window.__pwned=1;alert(4)</script> \" onmouseover=\"window.__pwned=1 "
    "<a href=\"javascript:window.__pwned=1\">click</a> End."
)


def chromium_path() -> str | None:
    """The chromium binary to drive: $STORYTRACE_CHROMIUM, else chromium on PATH, else Debian's."""
    for candidate in (os.environ.get("STORYTRACE_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _test_report_module():
    """The hand-built dossier lives in test_report.py; load it by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("_storytrace_test_report", Path(__file__).with_name("test_report.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def hostile_dossier() -> Dossier:
    """The unit tests' dossier plus a document whose text and metadata try to run script."""
    base = _test_report_module().make_dossier()
    start = PWN_TEXT.index("<img")
    doc = Document(id="doc-pwn", source="pwn.txt", text=PWN_TEXT, title='"><script>window.__pwned=1</script>',
                   outlet="<b onclick=\"window.__pwned=1\">Pwn</b>", url="javascript:window.__pwned=1",
                   published="2020-06-19")
    event = Event(id="ev-pwn", doc="doc-pwn", start=start, end=PWN_TEXT.index(" loudly"), text=PWN_TEXT[start:PWN_TEXT.index(" loudly")],
                  time=TimeValue("2020-01", "January", 0, 5, anchor="document", estimated=True), sources=("doc-pwn",))
    statement = Statement(id="st-pwn", doc="doc-pwn", start=start, end=PWN_TEXT.index(" End"),
                          speaker=Speaker("<svg onload=\"window.__pwned=1\">", "anonymous", 0, 5),
                          cue="said", cue_start=PWN_TEXT.index("said"), cue_end=PWN_TEXT.index("said") + 4, mode="direct")
    return replace(base, documents=base.documents + (doc,), events=base.events + (event,),
                   statements=base.statements + (statement,))


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    path = chromium_path()
    if path is None:
        pytest.skip("no chromium binary (set STORYTRACE_CHROMIUM or install Debian chromium)")
    with sync_api.sync_playwright() as pw:
        try:
            instance = pw.chromium.launch(executable_path=path, args=["--no-sandbox"])
        except Exception as exc:  # a chromium that cannot start here is an environment problem, not a report bug
            pytest.skip(f"chromium at {path} did not start: {str(exc).splitlines()[0]}")
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def report(browser, tmp_path_factory):
    """The report opened in a page, with every dialog, console error and page error recorded."""
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(hostile_dossier()), encoding="utf-8")
    page = browser.new_page()
    seen = {"dialogs": [], "errors": []}

    def on_dialog(dialog):
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda msg: seen["errors"].append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    yield page, seen
    page.close()


def test_hostile_text_does_not_run(report):
    page, seen = report
    for summary in page.locator("summary").all():  # opening every detail must not run anything either
        summary.click()
    page.mouse.move(5, 5)
    for target in page.locator("td, blockquote, h3").all()[:40]:
        target.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert seen["dialogs"] == []
    assert page.locator("a[href^='javascript' i]").count() == 0
    assert page.locator("img, svg, iframe, object, embed").count() == 0
    assert page.locator("script").count() == 1
    assert "window.__pwned=1;alert(4)" in page.inner_text("body")  # shown as text


def test_sections_are_visible(report):
    page, _ = report
    for title in SECTION_TITLES:
        assert page.get_by_role("heading", name=title, exact=True).is_visible(), title


def test_timeline_summary_reveals_source_sentence(report):
    page, _ = report
    page.reload()
    item = page.locator("#timeline li.event").filter(has_text="The call came")
    quote = item.locator("details blockquote")
    assert item.locator(".when").inner_text().startswith("≈2016-11-24")
    assert not quote.is_visible()
    item.locator("summary").click()
    assert quote.is_visible()
    assert "two weeks after the US election" in quote.inner_text()
    assert quote.locator("mark").inner_text() == "The call came"


def test_printing_shows_closed_details(report):
    page, _ = report
    page.reload()
    page.emulate_media(media="print")
    try:
        assert page.locator("#timeline details blockquote").first.is_visible()
    finally:
        page.emulate_media(media="screen")


def test_no_console_errors(report):
    _, seen = report
    assert seen["errors"] == []
