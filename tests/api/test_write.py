"""Writes: unauthenticated (401), without the CSRF token (403), and a correction round-trip;
the login-required mode; the session cookie's flags."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.test_read import error
from tests.web.conftest import PASSWORD, login


def first_agreement(c: TestClient) -> dict:
    return c.get("/api/agreements").json()["items"][0]


def test_unauthenticated_write_is_401(fresh_app):
    with TestClient(fresh_app()) as c:
        target = first_agreement(c)["id"]
        error(c.post("/api/corrections", json={"op": "reject", "target": target}), 401)
        assert first_agreement(c)["id"] == target
        r = c.post("/edit/reject", data={"target": target, "csrf": "x"}, follow_redirects=False)
        assert r.status_code == 401


def test_write_without_csrf_is_403(fresh_app):
    with TestClient(fresh_app()) as c:
        login(c)
        target = first_agreement(c)["id"]
        message = error(c.post("/api/corrections", json={"op": "reject", "target": target}), 403)
        assert "CSRF" in message
        r = c.post("/edit/reject", data={"target": target, "csrf": "forged"},
                   follow_redirects=False)
        assert r.status_code == 403


def test_wrong_password(fresh_app):
    with TestClient(fresh_app()) as c:
        import re

        token = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text).group(1)
        r = c.post("/login", data={"name": "anna", "password": "wrong", "csrf": token})
        assert r.status_code == 401 and "Неверное имя или пароль" in r.text
        assert c.get("/api/session").json()["user"] is None


def test_login_without_csrf_is_403(fresh_app):
    with TestClient(fresh_app()) as c:
        r = c.post("/login", data={"name": "anna", "password": PASSWORD})
        assert r.status_code == 403


def test_correction_round_trip(fresh_app):
    with TestClient(fresh_app()) as c:
        token = login(c)
        headers = {"X-CSRF-Token": token}
        before = c.get("/api/agreements").json()
        target = before["items"][0]["id"]
        r = c.post("/api/corrections", json={"op": "reject", "target": target}, headers=headers)
        assert r.status_code == 201, r.text
        after = c.get("/api/agreements").json()
        assert after["total"] == before["total"] - 1
        error(c.get(f"/api/agreements/{target}"), 404)
        listed = c.get("/api/corrections").json()
        assert listed[-1]["op"] == "reject" and listed[-1]["author"] == "anna"


def test_set_field_and_bad_edit(fresh_app):
    with TestClient(fresh_app()) as c:
        headers = {"X-CSRF-Token": login(c)}
        memo = c.get("/api/agreements", params={"kind": "memorandum"}).json()["items"][0]
        r = c.post("/api/corrections", headers=headers,
                   json={"op": "set", "target": memo["id"], "field": "to", "value": "2031"})
        assert r.status_code == 201, r.text
        assert c.get("/api/agreements", params={"kind": "memorandum"}).json()["items"][0]["to"] == 2031
        message = error(c.post("/api/corrections", headers=headers,
                               json={"op": "set", "target": memo["id"], "field": "colour",
                                     "value": "red"}), 422)
        assert "colour" in message
        error(c.post("/api/corrections", headers=headers, json={"op": "explode", "target": "x"}), 422)


def test_merge_people(fresh_app):
    with TestClient(fresh_app()) as c:
        headers = {"X-CSRF-Token": login(c)}
        people = {p["name"]: p["id"] for p in c.get("/api/people").json()["items"]}
        r = c.post("/api/corrections", headers=headers, json={
            "op": "merge", "target": people["Ботир Зарипов"], "into": people["Виталий Хоценко"]})
        assert r.status_code == 201, r.text
        after = c.get("/api/people").json()
        assert after["total"] == len(people) - 1
        kept = c.get(f"/api/people/{r.json()['target']}").json()
        assert kept["name"] in ("Ботир Зарипов", "Виталий Хоценко")
        assert {s["article_id"] for s in kept["sources"]} == {"omsk-bukhara"}


def test_login_required_mode(fresh_app):
    with TestClient(fresh_app(public=False)) as c:
        error(c.get("/api/regions"), 401)
        r = c.get("/regions/RU-OMS", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
        assert c.get("/login").status_code == 200
        assert c.get("/static/css/hamkor.css").status_code == 200
        login(c)
        assert c.get("/api/regions").status_code == 200
        assert c.get("/regions/RU-OMS").status_code == 200


def test_session_cookie_flags(fresh_app):
    with TestClient(fresh_app()) as c:
        r = c.get("/login")
        cookie = r.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie


def test_open_redirect_refused(fresh_app):
    import re

    with TestClient(fresh_app()) as c:
        token = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text).group(1)
        r = c.post("/login", data={"name": "anna", "password": PASSWORD, "csrf": token,
                                   "next": "//evil.example/x"}, follow_redirects=False)
        assert r.headers["location"] == "/"


def test_ingest_elsewhere_shows_after_a_check(fresh_app, monkeypatch):
    """The answer cache follows the KB: an article stored by another writer (an ingest) is
    seen once the cache has looked at the KB's generation again."""
    from dataclasses import replace

    from hamkor.api import cache
    from hamkor.kb import store
    from tests.web import kb

    monkeypatch.setattr(cache, "CHECK", 0.1)
    app = fresh_app()
    with TestClient(app) as c:
        before = c.get("/api/links").json()["total"]
        x = kb.navoi()
        moved = replace(x, id="tatarstan-bukhara",
                        links=(replace(x.links[0], uz="UZ-BU"),),
                        article=replace(x.article, id="tatarstan-bukhara", checksum="tb"))
        store.store_extractions(app.state.engine, [moved])
        import time

        time.sleep(0.2)
        assert c.get("/api/links").json()["total"] == before + 1
