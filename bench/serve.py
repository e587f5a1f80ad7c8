"""API latency under concurrent clients: requests/s, p50 and p95 of the dossier, graph and
search endpoints, with 50 clients over loopback against `hamkor serve`'s app. The clients
are wrk's (Debian's package, a C load generator that leaves the cores to the server) where
it is installed, else httpx async in this process (``--client httpx``).

    python bench/serve.py                      # a KB of 10,000 synthetic articles
    python bench/serve.py --size 100000        # the full run
    python bench/serve.py --db sqlite:///kb.sqlite --requests 2000

The KB is built once per size and kept in the data dir (``bench-serve-N.sqlite``). The
server runs in its own process (uvicorn, one worker) so clients and server do not share a GIL.
Aim: p95 <= 100 ms.

Baseline, measured in the same run: a bare ASGI app under the same uvicorn answering every
request with as many bytes as the endpoint's answer (no framework, no KB). Its p95 is what
this machine, these clients and HTTP/1.1 over loopback allow; ``× base`` is hamkor's p95
over it (``--no-baseline`` skips it).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = ["Навоийской", "меморандум", "Омской", "губернатор", "хоким", "делегация", "Бухарской",
         "соглашение", "товарооборот", "Татарстан"]


def build(url: str, size: int) -> None:
    from hamkor.api.deps import make_engine
    from hamkor.kb import store, synthetic

    engine = make_engine(url)
    with engine.connect() as conn:
        from sqlalchemy import text

        have = conn.execute(text("SELECT count(*) FROM articles")).scalar() or 0
    if have >= size:
        return
    started = time.perf_counter()
    print(f"building a KB of {size} synthetic articles …", file=sys.stderr)
    records = list(synthetic.records(size))  # the KB's generator: realistic articles
    for i in range(0, size, 2000):
        store.store_extractions(engine, records[i:i + 2000])
    print(f"  built in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, port: int, cache: bool = True, workers: int = 1) -> subprocess.Popen:
    """`hamkor serve`'s app in a process of its own (``workers`` processes share the port)."""
    code = ("import uvicorn; "
            f"uvicorn.run('hamkor.cli.serve_cmd:_factory', factory=True, workers={workers}, "
            f"host='127.0.0.1', port={port}, log_level='warning', access_log=False, "
            "timeout_keep_alive=60)")
    env = dict(os.environ, HAMKOR_SERVE_DB=url, HAMKOR_SERVE_PUBLIC="1", HAMKOR_SECRET="bench",
               HAMKOR_CACHE_TTL=os.environ.get("HAMKOR_CACHE_TTL", "600") if cache else "0")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env)
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=30).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


BARE = """
import uvicorn
BODY = b"x" * {size}
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({{"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json")]}})
    await send({{"type": "http.response.body", "body": BODY}})
uvicorn.run(app, host="127.0.0.1", port={port}, log_level="warning", access_log=False,
            timeout_keep_alive=60)
"""


def baseline(size: int, args: argparse.Namespace) -> dict[str, float]:
    """``hammer`` against a bare ASGI app that answers ``size`` bytes."""
    import httpx

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", BARE.format(size=size, port=port)])
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise SystemExit("the baseline server did not start") from None
                time.sleep(0.1)
        return load(f"http://127.0.0.1:{port}", ["/"], args)
    finally:
        proc.terminate()
        proc.wait(15)


async def hammer(base: str, paths: list[str], requests: int, clients: int) -> dict[str, float]:
    """``requests`` GETs of ``paths`` (round robin) from ``clients`` concurrent clients, each
    with a keep-alive connection of its own (one shared httpx pool of 50 connections measures
    mostly its own lock contention), opened before the clock starts."""
    import httpx

    latencies: list[float] = []
    errors = 0
    todo = iter(range(requests))

    async def worker() -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:
            await client.get(paths[0])  # untimed: opens the keep-alive connection
            for n in todo:
                t = time.perf_counter()
                try:
                    r = await client.get(paths[n % len(paths)])
                    errors += r.status_code != 200
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - t)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    wall = time.perf_counter() - started
    ms = sorted(x * 1000 for x in latencies)
    return {"rps": len(ms) / wall, "p50": statistics.median(ms),
            "p95": ms[int(0.95 * (len(ms) - 1))], "errors": errors}


WRK_SCRIPT = """
paths = {{{paths}}}
n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %.3f %.3f %d\\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def hammer_wrk(base: str, paths: list[str], seconds: int, clients: int) -> dict[str, float]:
    """wrk's ``clients`` keep-alive connections over two threads for ``seconds``, round robin
    over ``paths``."""
    import tempfile
    from urllib.parse import quote

    quoted = ", ".join('"' + quote(p, safe="/?=&") + '"' for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(WRK_SCRIPT.format(paths=quoted))
    try:
        run = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "30s",
                              "-s", f.name, base + "/"], capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    line = next((ln for ln in run.stdout.splitlines() if ln.startswith("RESULT")), None)
    if run.returncode or line is None:
        raise SystemExit(f"wrk failed: {run.stderr.strip() or run.stdout.strip()}")
    count, micros, p50, p95, errors = line.split()[1:]
    return {"rps": int(count) / (int(micros) / 1e6), "p50": float(p50), "p95": float(p95),
            "errors": int(errors)}


def load(base: str, paths: list[str], args: argparse.Namespace) -> dict[str, float]:
    """The load of one endpoint, from wrk or from httpx clients."""
    if args.client == "wrk":
        return hammer_wrk(base, paths, args.seconds, args.clients)
    return asyncio.run(hammer(base, paths, args.requests, args.clients))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000, help="synthetic articles (default 10000)")
    ap.add_argument("--db", help="an existing KB to measure instead of a synthetic one")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=1000, help="per endpoint")
    ap.add_argument("--no-cache", action="store_true", help="measure the query layer alone")
    ap.add_argument("--workers", type=int, default=1, help="server processes (as serve --workers)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the bare-ASGI baseline")
    ap.add_argument("--client", choices=["wrk", "httpx"], default="wrk" if shutil.which("wrk") else "httpx",
                    help="load generator (default: wrk where installed)")
    ap.add_argument("--seconds", type=int, default=10, help="per endpoint, with wrk")
    args = ap.parse_args()

    from hamkor.settings import data_dir

    url = args.db
    if url is None:
        path = data_dir() / f"bench-serve-{args.size}.sqlite"
        path.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{path}"
        build(url, args.size)
    port = free_port()
    server = start_server(url, port, cache=not args.no_cache, workers=args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        regions = [r["region"]["code"] for r in httpx.get(f"{base}/api/regions", timeout=60).json()
                   if r["count"] and "-" in r["region"]["code"]]
        endpoints = {
            "dossier  /api/regions/{code}": [f"/api/regions/{c}" for c in regions[:20]],
            "graph    /api/graph": ["/api/graph"],
            "search   /api/search?q=": [f"/api/search?q={w}" for w in WORDS],
            "page     /regions/{code}": [f"/regions/{c}" for c in regions[:20]],
        }
        cache = "off" if args.no_cache else f"{os.environ.get('HAMKOR_CACHE_TTL', '600')} s"
        amount = f"{args.seconds} s" if args.client == "wrk" else f"{args.requests} requests"
        print(f"{args.clients} clients ({args.client}), {amount} per endpoint, cache {cache}, "
              f"{args.workers} server process(es), KB {url}")
        print(f"{'endpoint':<32} {'cold ms':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
              f"{'errors':>7} {'KB':>6} {'base p95':>9} {'× base':>7}")
        worst = 0.0
        for name, paths in endpoints.items():
            cold, sizes = [], []  # one client, each path once: a cache miss each (and a warm-up)
            for path in paths:
                t = time.perf_counter()
                sizes.append(len(httpx.get(base + path, timeout=300).content))
                cold.append((time.perf_counter() - t) * 1000)
            r = load(base, paths, args)
            worst = max(worst, r["p95"])
            size = int(statistics.median(sizes))
            line = (f"{name:<32} {statistics.median(cold):>8.1f} {r['rps']:>8.1f} {r['p50']:>8.1f} "
                    f"{r['p95']:>8.1f} {r['errors']:>7} {size / 1000:>6.0f}")
            if not args.no_baseline:
                b = baseline(size, args)
                line += f" {b['p95']:>9.1f} {r['p95'] / b['p95']:>7.2f}"
            print(line)
        print(f"worst p95 {worst:.0f} ms (aim: <= 100 ms): {'ok' if worst <= 100 else 'over'}; "
              "cold: median latency of a first request (a cache miss), one client")
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
