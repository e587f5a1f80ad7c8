"""Briefing notes to download: /api/… and the pages' /regions/…/report.* and /pairs/…/report.*.

Each file is opened with a reader of its format and compared with the knowledge base.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from hamkor.reports import MEDIA_TYPES
from tests.api.test_read import error
from tests.web.conftest import login
from tests.web.kb import YEAR

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (Debian poppler-utils) is not installed")


def docx_text(data: bytes) -> str:
    import docx

    doc = docx.Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def pdf_text(data: bytes) -> str:
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True,
                          check=True, timeout=60)
    return done.stdout.decode()


def attachment(r, fmt: str, name: str) -> bytes:
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == MEDIA_TYPES[fmt]
    disposition = r.headers["content-disposition"]
    assert disposition.startswith(f'attachment; filename="{name}"'), disposition
    assert unquote(disposition.split("UTF-8''")[1]).startswith("справка-")
    return r.content


@pytest.mark.parametrize("prefix", ["/api", ""])
def test_region_docx_lists_the_kb_facts(client, prefix):
    data = attachment(client.get(f"{prefix}/regions/RU-OMS/report.docx"), "docx",
                      "spravka-RU-OMS.docx")
    text = docx_text(data)
    dossier = client.get("/api/regions/RU-OMS").json()
    assert "Справка о сотрудничестве: Омская область" in text
    assert "Бухарская область" in text
    for official in dossier["officials"]:
        assert official["name"] in text
    for agreement in dossier["agreements"]:
        assert f"{agreement['from']}" in text and f"{agreement['to']}" in text
    titles = {s["title"] for s in dossier["sources"]}
    assert "Омская и Бухарская области подписали соглашение" in titles
    assert any(t in text for t in titles)


@needs_pdftotext
def test_pair_pdf_is_about_the_pair(client):
    data = attachment(client.get("/api/pairs/RU-OMS/UZ-BU/report.pdf"), "pdf",
                      "spravka-RU-OMS-UZ-BU.pdf")
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Омская область — Бухарская область" in " ".join(text.split())
    assert "Ботир Зарипов" in text and "Виталий Хоценко" in text
    assert "Навоийская" not in text  # another partner's facts stay out of a pair's note


@needs_pdftotext
def test_region_pdf_from_the_page_link(client):
    data = attachment(client.get("/regions/RU-TA/report.pdf"), "pdf", "spravka-RU-TA.pdf")
    text = " ".join(pdf_text(data).split())
    assert "Навоийская область" in text and "Рустам Минниханов" in text
    assert f"{YEAR - 2}" in text


def test_markdown_and_html_with_since(client):
    r = client.get("/api/regions/RU-OMS/report.md", params={"since": f"{YEAR}-01-01",
                                                             "pair": "uz-bu"})
    md = attachment(r, "md", f"spravka-RU-OMS-UZ-BU-since-{YEAR}-01-01.md").decode()
    assert md.startswith("# Справка о сотрудничестве: Омская область — Бухарская область")
    r = client.get("/pairs/RU-OMS/UZ-BU/report.html")
    html = attachment(r, "html", "spravka-RU-OMS-UZ-BU.html").decode()
    assert "<script" not in html.lower()
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script" not in csp  # no script may run at all


def test_hostile_text_stays_text_in_a_note(client):
    html = client.get("/api/regions/RU-MOW/report.html").content.decode()
    assert "<script" not in html.lower() and "<img src=x" not in html
    assert "&lt;img src=x onerror" in html  # the official's hostile title, shown as text


def test_pages_link_the_downloads(client):
    page = client.get("/regions/RU-OMS").text
    for fmt in MEDIA_TYPES:
        assert f'href="/regions/RU-OMS/report.{fmt}"' in page
    assert 'href="/pairs/RU-OMS/UZ-BU/report.docx"' in page
    assert 'href="/regions/RU-OMS/report.pdf?since=' in client.get(
        "/regions/RU-OMS", params={"since": f"{YEAR}-01-01"}).text
    assert 'href="/pairs/RU-OMS/UZ-BU/report.pdf"' in client.get("/pairs/RU-OMS/UZ-BU").text


@pytest.mark.parametrize("path, status", [
    ("/api/regions/KZ-ALA/report.docx", 404),
    ("/api/pairs/RU-OMS/UZ-ZZZ/report.pdf", 404),
    ("/api/regions/RU-OMS/report.exe", 422),
    ("/api/regions/RU-OMS/report.pdf?since=soon", 422),
    ("/api/regions/RU-OMS/report.pdf?pair=bad_code!", 422),
])
def test_bad_requests(client, path, status):
    message = error(client.get(path), status)
    if status == 422:
        assert "(path)" in message or "(query)" in message


def test_unknown_region_page_download_is_a_404_page(client):
    r = client.get("/regions/KZ-ALA/report.pdf")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")


def test_login_only_reading_guards_downloads(fresh_app):
    with TestClient(fresh_app(public=False)) as c:
        error(c.get("/api/regions/RU-OMS/report.docx"), 401)
        r = c.get("/regions/RU-OMS/report.pdf", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
        login(c)
        assert c.get("/api/regions/RU-OMS/report.md").status_code == 200
        assert c.get("/pairs/RU-OMS/UZ-BU/report.docx").status_code == 200


def test_openapi_lists_the_report_media_types(client):
    spec = client.get("/api/openapi.json").json()
    ok = spec["paths"]["/api/regions/{region}/report.{fmt}"]["get"]["responses"]["200"]
    assert set(ok["content"]) >= {MEDIA_TYPES["docx"], MEDIA_TYPES["pdf"]}


def test_a_correction_reaches_a_downloaded_note(fresh_app):
    """A note served once and cached is made again after an analyst rejects one of its facts."""
    with TestClient(fresh_app()) as c:
        before = c.get("/api/regions/RU-OMS/report.md").content.decode()
        assert f"{YEAR - 1}–{YEAR + 3}" in before  # the Bukhara agreement's period
        target = c.get("/api/agreements", params={"region": "RU-OMS"}).json()["items"][0]["id"]
        csrf = login(c)
        r = c.post("/api/corrections", json={"op": "reject", "target": target},
                   headers={"X-CSRF-Token": csrf})
        assert r.status_code == 201, r.text
        after = c.get("/api/regions/RU-OMS/report.md").content.decode()
        assert f"{YEAR - 1}–{YEAR + 3}" not in after
