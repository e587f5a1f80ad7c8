"""The pages in a real browser (Debian's chromium, headless) over a real server on loopback.

Every test fails on a JavaScript error, a CSP violation or a dialog (alert/confirm) it did not
expect. Screenshots of every page go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.web.conftest import PASSWORD, SCREENSHOTS

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="/usr/bin/chromium is absent: apt-get install chromium "
                              "(./dev test does) to run the browser tests"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


class Watch:
    """What a page did that it should not: console errors, uncaught errors, dialogs."""

    def __init__(self, page, accept_confirm: bool = False) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.accept_confirm = accept_confirm
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        if dialog.type == "confirm" and self.accept_confirm:
            dialog.accept()
        else:
            dialog.dismiss()

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="ru-RU")
    pg = context.new_page()
    pg.set_default_timeout(15000)
    pg.watch = Watch(pg)
    yield pg
    context.close()


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def node_pixel(page, chart_id: str, code: str) -> tuple[float, float]:
    """Where a region's node is drawn on the page (through ECharts' public API)."""
    x, y = page.evaluate("""([id, code]) => {
        const el = document.getElementById(id);
        const chart = echarts.getInstanceByDom(el);
        const node = chart.getOption().series[0].data.find(d => d.id === code);
        return chart.convertToPixel({seriesIndex: 0}, [node.x, node.y]);
    }""", [chart_id, code])
    box = page.locator(f"#{chart_id}").bounding_box()
    return box["x"] + x, box["y"] + y


def test_overview_loads(page, server):
    page.goto(server.url + "/")
    assert page.locator("h1").inner_text().startswith("Сотрудничество регионов")
    assert page.locator(".count").count() >= 5
    page.wait_for_selector("#per-month svg")
    assert page.locator("text=Соглашения, истекающие в течение года").count() == 1
    shot(page, "01-overview")
    page.watch.clean()


def test_graph_renders_regions_and_opens_dossier(page, server):
    page.goto(server.url + "/graph")
    page.wait_for_selector("#graph[data-ready]")
    labels = page.locator("#graph svg text").all_text_contents()
    for name in ("Омская область", "Республика Татарстан", "Бухарская область",
                 "Навоийская область"):
        assert any(name in t for t in labels), (name, labels)
    shot(page, "02-graph")
    x, y = node_pixel(page, "graph", "RU-OMS")
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(r"/regions/RU-OMS$"))
    assert "Омская область" in page.locator("h1").inner_text()
    page.watch.clean()


def test_graph_edge_opens_pair(page, server):
    page.goto(server.url + "/graph")
    page.wait_for_selector("#graph[data-ready]")
    (ax, ay), (bx, by) = node_pixel(page, "graph", "RU-TA"), node_pixel(page, "graph", "UZ-NW")
    page.mouse.move((ax + bx) / 2, (ay + by) / 2)  # hover first, as a person would
    page.wait_for_timeout(300)
    page.mouse.click((ax + bx) / 2, (ay + by) / 2)
    page.wait_for_url(re.compile(r"/pairs/RU-TA/UZ-NW$"))
    assert page.locator("table.timeline-table tbody tr").count() >= 3
    shot(page, "05-pair")
    page.watch.clean()


def test_map_region_opens_dossier(page, server):
    page.goto(server.url + "/map")
    page.wait_for_selector("#geo-map[data-ready]")
    drawn = page.evaluate("""() => {
        const o = echarts.getInstanceByDom(document.getElementById('geo-map')).getOption();
        return o.series.map(s => s.data.filter(d => d.count).map(d => d.name));
    }""")
    assert "RU-OMS" in drawn[0] and "UZ-NW" in drawn[1]
    assert page.locator("#geo-map svg path").count() >= 97  # every region's boundary
    shot(page, "03-map")
    geo = page.request.get(server.url + "/static/geo/regions.json").json()
    cp = next(f["properties"]["cp"] for f in geo["features"] if f["properties"]["code"] == "UZ-NW")
    x, y = page.evaluate("""(cp) => echarts.getInstanceByDom(document.getElementById('geo-map'))
        .convertToPixel({seriesIndex: 1}, cp)""", cp)
    box = page.locator("#geo-map").bounding_box()
    page.mouse.move(box["x"] + x, box["y"] + y)
    page.wait_for_timeout(200)
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url(re.compile(r"/regions/UZ-NW$"))
    page.watch.clean()


def test_evidence_link_lands_on_highlighted_sentence(page, server):
    page.goto(server.url + "/regions/RU-OMS")
    shot(page, "04-region")
    link = page.locator("a.ev").first
    href = link.get_attribute("href")
    start = re.search(r"#ev-(\d+)$", href).group(1)
    link.click()
    page.wait_for_url(re.compile(rf"/articles/.+#ev-{start}$"))
    target = page.locator(f"#ev-{start}")
    assert target.evaluate("el => el.tagName") == "MARK"
    assert target.evaluate("el => el.matches(':target')")
    sentence = page.locator(".sent:has(:target)")
    assert sentence.count() == 1
    colour = sentence.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour == "rgb(255, 212, 107)", colour
    assert target.is_visible()
    in_view = target.evaluate("""el => { const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight; }""")
    assert in_view
    page.screenshot(path=str(SCREENSHOTS / "06-article-evidence.png"))
    page.watch.clean()


def test_search_finds_navoiy(page, server):
    page.goto(server.url + "/")
    page.fill("header input[name=q]", "Навоийской")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    hits = page.locator("ol.hits li a")
    assert hits.count() >= 1
    texts = " ".join(hits.all_inner_texts())
    assert "Навои" in texts, texts
    shot(page, "07-search")
    page.watch.clean()


def test_login_and_correction_round_trip(page, fresh_app):
    """On a server of its own: the edit must not change what the other tests see."""
    from tests.web.conftest import Server, free_port

    with Server(fresh_app(), free_port()) as server:
        login_and_correct(page, server)


def login_and_correct(page, server) -> None:
    page.watch.accept_confirm = True
    page.goto(server.url + "/login")
    shot(page, "08-login")
    page.fill("input[name=name]", "anna")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_url(server.url + "/")
    assert page.locator(".who .user").inner_text() == "anna"
    page.goto(server.url + "/agreements?kind=agreement")
    rows = page.locator("table.list tbody tr")
    assert rows.count() == 1
    rows.first.locator("button", has_text="Отклонить").click()
    page.wait_for_selector(".flash")
    assert "отклонён" in page.locator(".flash").inner_text()
    assert page.locator("text=Соглашений не найдено").count() == 1
    assert page.watch.dialogs and page.watch.dialogs[0].startswith("confirm")
    page.watch.dialogs.clear()
    shot(page, "09-after-correction")
    # The edit is in the KB: the API agrees.
    assert page.evaluate("fetch('/api/agreements?kind=agreement').then(r => r.json())")["total"] == 0
    # Merge two people from a person's page.
    page.goto(server.url + "/people?q=Зарипов")
    page.click("table.list a.person")
    shot(page, "20-person-edit")
    page.fill("form[action='/edit/merge'] input[name=other]", "Виталий Хоценко")
    page.click("form[action='/edit/merge'] button[type=submit]")
    page.wait_for_selector(".flash")
    assert "объединены" in page.locator(".flash").inner_text()
    names = [p["name"] for p in page.evaluate("fetch('/api/people').then(r => r.json())")["items"]]
    assert ("Ботир Зарипов" in names) != ("Виталий Хоценко" in names)
    page.watch.dialogs.clear()
    page.watch.clean()


def test_malicious_article_executes_nothing(page, server):
    page.goto(server.url + "/articles/evil")
    page.wait_for_load_state("networkidle")
    body = page.locator("article.article-text").inner_text()
    assert "<script>alert('xss-text')</script>" in body
    assert "onerror" in body  # shown as text
    assert page.locator("article.article-text script, article.article-text img, "
                        "article.article-text svg").count() == 0
    assert "<script>" in page.locator("h1").inner_text()
    shot(page, "10-article-xss")
    for path in ("/regions/RU-MOW", "/pairs/RU-MOW/UZ-SA", "/search?q=Самарканд",
                 "/graph", "/"):
        page.goto(server.url + path)
        page.wait_for_load_state("networkidle")
    page.watch.clean()


def test_every_page_screenshot(page, server):
    people = page.request.get(server.url + "/api/people").json()["items"]
    person = next(p["id"] for p in people if p["name"] == "Нормат Турсунов")
    memo = page.request.get(server.url + "/api/agreements?kind=memorandum").json()["items"][0]
    for name, path in [("11-regions", "/regions"), ("12-region-uz", "/regions/UZ-NW"),
                       ("13-person", f"/people/{person}"), ("14-people", "/people"),
                       ("15-agreement", f"/agreements/{memo['id']}"),
                       ("16-agreements", "/agreements"), ("17-article", "/articles/tatarstan-navoi"),
                       ("18-not-found", "/regions/KZ-ALA"), ("19-api-docs", "/api/docs")]:
        page.goto(server.url + path)
        page.wait_for_load_state("networkidle")
        if name == "19-api-docs":
            page.wait_for_selector(".swagger-ui .opblock")
        if name == "18-not-found":
            page.watch.errors = [e for e in page.watch.errors if "404" not in e]
        shot(page, name)
    page.watch.clean()


def test_report_download_links(page, server):
    """The dossier's and the pair's «справка» links download files a reader opens."""
    import io

    import docx

    page.goto(server.url + "/regions/RU-OMS")
    shot(page, "21-region-downloads")
    with page.expect_download() as info:
        page.click("p.downloads a.download:text('DOCX')")
    download = info.value
    assert download.suggested_filename == "справка-RU-OMS.docx"  # filename* wins
    doc = docx.Document(io.BytesIO(Path(download.path()).read_bytes()))
    assert doc.paragraphs[0].text.startswith("Справка о сотрудничестве: Омская область")
    page.goto(server.url + "/pairs/RU-OMS/UZ-BU")
    with page.expect_download() as info:
        page.click("p.downloads a.download:text('PDF')")
    assert info.value.suggested_filename == "справка-RU-OMS-UZ-BU.pdf"
    assert Path(info.value.path()).read_bytes().startswith(b"%PDF")
    page.watch.clean()
