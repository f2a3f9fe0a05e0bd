"""The report in headless Chromium: no request leaves the page, no report text runs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None, reason="needs playwright"
    ),
]


def test_report_in_a_browser(report_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    url = report_path.resolve().as_uri()
    requests: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("request", lambda request: requests.append(request.url))
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(url)
            page.wait_for_load_state("load")

            assert requests == [url]
            assert dialogs == []
            assert errors == []
            assert page.evaluate("typeof window.__pwned") == "undefined"

            # report text shows as text
            assert "<script>window.__pwned=1</script>" in page.inner_text("body")
            # events and claims are visible, the claim's span highlighted
            assert page.locator("article.card").count() == 2
            mark = page.locator("mark", has_text="tuant 9 soldats")
            assert mark.count() == 1 and mark.first.is_visible()
            assert page.locator("table.claims").first.is_visible()
            # the map shows one linked circle per located event
            assert page.locator("figure.map svg circle.marker").count() == 2
            assert page.locator("figure.map svg path.land").count() >= 3

            page.screenshot(path="/tmp/report.png", full_page=True)

            # the filter script works and reads no markup
            page.fill("#q", "Kidal")
            assert page.locator("article.card:visible").count() == 1
            assert page.inner_text("#shown") == "1 of 2 events shown"
            page.fill("#q", "")
            page.select_option("#type", "Battles")
            assert page.locator("article.card:visible").count() == 1

            assert requests == [url]
            assert page.evaluate("typeof window.__pwned") == "undefined"
        finally:
            browser.close()
