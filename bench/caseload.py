"""Benchmark of the caseload page (/en/casework/) and the client case-file page (/en/casework/clients/<pk>/)
under concurrent users, on a throw-away PostgreSQL cluster holding a simulated province, against a trivial
page (/healthz) measured in the same run.

    .venv/bin/python bench/caseload.py              # 100,000 clients, 10 users, 600 requests a page
    .venv/bin/python bench/caseload.py --clients 20000 --users 10 --requests 300

Target (issue 4): both pages at <= 150 ms p95 with 100,000 clients in PostgreSQL and 10 concurrent users on
loopback. Steps: start a cluster (scripts/pg-cluster.sh) in a temporary directory; `careerlens demo
--no-serve --clients N` into it (migrate, reference data, demo network and accounts, the province with its
casework: docs/synth.md); sign the demo practitioner in by creating a session with Django's SessionStore in
this process; then, for each server in turn, serve the app (DEBUG off) and send, page by page, the given
number of requests spread over the users (threads, one http.client connection per request with the
session cookie; case-file requests cycle over the practitioner's current clients). Every answer must be
200 (a redirect to the sign-in page stops the bench). Prints p50/p95/p99 per page and each page's p95
over /healthz's p95. The cluster and the servers are stopped and deleted at the end, also on failure.
`--database URL` measures an existing PostgreSQL database that `careerlens demo --no-serve` prepared
instead (no cluster, no set-up; to measure again after a change without loading the province again).

Servers (gunicorn is not installed): `runserver` is `careerlens runserver --noreload`, Django's threaded
development server, one process, so one core at a time (the GIL); `prefork` is a few lines of wsgiref
here: N forked single-threaded processes accepting on one socket, which uses every core, as a production
WSGI server would. Both are measured by default; the prefork figures are the honest ones for a deployment.

Each server is measured with PostgreSQL's JIT on (the server's default) and off (`--jit`): the caseload
query's estimated cost passes `jit_above_cost`, and compiling it costs more than running it.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
P95_LIMIT_MS = 150.0
WARM_UP = 3  # requests a page and user before timing (templates, catalogues, first connections)
SERVERS = {
    "runserver": "careerlens runserver --noreload (Django's threaded development server, one process),",
    "prefork": "prefork wsgiref server ({workers} forked single-threaded processes, one listening socket),",
}
JIT_OFF = "?options=-c%20jit%3Doff"  # libpq options for the app's connections


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _environment(database: str, static: Path, conn_max_age: int = 0) -> dict:
    return os.environ | {
        "DATABASE_URL": database,
        "DATABASE_CONN_MAX_AGE": str(conn_max_age),
        "DEBUG": "false",
        "HTTPS_ONLY": "false",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_FROM_FINDERS": "true",
        "DJANGO_SETTINGS_MODULE": "careerlens.config.settings",
        "CAREERLENS_VAR_DIR": str(static),
    }


def _session(env: dict) -> tuple[str, str, list[int]]:
    """A signed-in session for the demo practitioner (cookie name, value) and its current clients."""
    os.environ.update(env)
    import django

    django.setup()
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from careerlens.accounts.models import User
    from careerlens.casework import selectors

    user = User.objects.get(username="practitioner")
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    clients = list(selectors.caseload(user, status="all").values_list("pk", flat=True))
    return settings.SESSION_COOKIE_NAME, store.session_key, clients


def _wait(port: int, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"error: the server stopped at start-up (exit code {server.returncode})")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"error: the server did not answer /healthz within {seconds:.0f} s")


def _drive(port: int, paths: list[str], cookie: str, users: int) -> np.ndarray:
    """Request every path once, spread over ``users`` threads; latencies in milliseconds."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def user(mine: list[str]) -> None:
        for path in mine:
            started = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request("GET", path, headers={"Cookie": cookie, "Accept-Language": "en"})
            response = connection.getresponse()
            response.read()
            connection.close()
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                if response.status != 200:
                    failures.append(f"{path} answered {response.status}")

    threads = [threading.Thread(target=user, args=(paths[k::users],)) for k in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"error: {failures[0]} ({len(failures)} failed requests)")
    return np.array(latencies)


def _prefork(port: int, workers: int) -> None:
    """Serve the app with ``workers`` forked single-threaded wsgiref processes sharing one listening
    socket (run in its own process group; the bench ends the group)."""
    import django
    from django.core.wsgi import get_wsgi_application

    class Handler(WSGIRequestHandler):
        disable_nagle_algorithm = True  # answer at once, not after the client's delayed acknowledgement

        def log_message(self, *args) -> None:  # no access log on the console
            pass

    django.setup()
    WSGIServer.request_queue_size = 128
    server = make_server("127.0.0.1", port, get_wsgi_application(), handler_class=Handler)
    for _ in range(workers):
        if os.fork() == 0:
            server.serve_forever()
            os._exit(0)
    signal.pause()


def _start(kind: str, port: int, workers: int, env: dict) -> subprocess.Popen:
    if kind == "runserver":
        command = [BIN / "careerlens", "runserver", "--noreload", f"127.0.0.1:{port}"]
    else:
        command = [sys.executable, __file__, "--serve", str(port), "--workers", str(workers)]
    quiet = subprocess.DEVNULL
    return subprocess.Popen(command, env=env, stdout=quiet, stderr=quiet, start_new_session=True)


def _stop(server: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)  # the server we started and the workers it forked
    server.wait(timeout=30)


def _measure(port: int, args: argparse.Namespace, cookie: str, clients: list[int]) -> None:
    pages = {
        "/healthz": ["/healthz"] * args.requests,
        "/en/casework/": ["/en/casework/"] * args.requests,
        "/en/casework/clients/<pk>/": [
            f"/en/casework/clients/{clients[k % len(clients)]}/" for k in range(args.requests)
        ],
    }
    p95 = {}
    for page, paths in pages.items():
        warm = WARM_UP * max(args.users, args.workers)  # enough for every worker to have seen the page
        _drive(port, paths[:warm], cookie, args.users)
        ms = _drive(port, paths, cookie, args.users)
        p50, p95[page], p99 = np.percentile(ms, [50, 95, 99])
        print(f"  {page:<28} p50 {p50:7.1f} ms   p95 {p95[page]:7.1f} ms   p99 {p99:7.1f} ms")
    for page in list(pages)[1:]:
        verdict = "met" if p95[page] <= P95_LIMIT_MS else "NOT met"
        print(
            f"  {page:<28} p95 / healthz p95 = {p95[page] / p95['/healthz']:5.1f}   "
            f"(target p95 <= {P95_LIMIT_MS:.0f} ms: {verdict})"
        )


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.error = lambda message: sys.exit(f"error: {message}")  # one line, no usage block
    parser.add_argument("--clients", type=int, default=100_000, help="simulated clients (1 to 100,000)")
    parser.add_argument("--seed", type=int, default=1, help="simulation seed")
    parser.add_argument("--users", type=int, default=10, help="concurrent users (threads)")
    parser.add_argument("--requests", type=int, default=600, help="requests per page, over all users")
    parser.add_argument(
        "--servers", default="runserver,prefork", help="servers to measure in turn: runserver, prefork"
    )
    cores = os.cpu_count() or 2
    parser.add_argument("--workers", type=int, default=cores, help=f"prefork processes (default {cores})")
    parser.add_argument("--jit", choices=("on", "off", "both"), default="both", help="PostgreSQL JIT")
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=60,
        help="DATABASE_CONN_MAX_AGE of the served app (default 60, as docs/settings.md advises)",
    )
    parser.add_argument("--database", default="", help="an existing database prepared by careerlens demo")
    parser.add_argument("--serve", type=int, default=0, help=argparse.SUPPRESS)  # internal: run prefork
    args = parser.parse_args()
    if not 1 <= args.clients <= 100_000:
        parser.error(f"--clients must be 1 to 100,000 (got {args.clients})")
    if not 0 <= args.conn_max_age <= 3600:
        parser.error(f"--conn-max-age must be 0 to 3600 seconds (got {args.conn_max_age})")
    if args.seed < 0:
        parser.error(f"--seed must be zero or more (got {args.seed})")
    if not 1 <= args.users <= 40:
        parser.error(f"--users must be 1 to 40 (got {args.users})")
    if args.requests < args.users:
        parser.error(f"--requests must be at least --users ({args.users}; got {args.requests})")
    if not 1 <= args.workers <= 16:
        parser.error(f"--workers must be 1 to 16 (got {args.workers})")
    url = args.database
    if url and (not url.startswith(("postgres://", "postgresql://")) or "?" in url):
        parser.error(f"--database must be a postgres:// URL without options (got {args.database!r})")
    args.servers = args.servers.split(",")
    args.jit = ("on", "off") if args.jit == "both" else (args.jit,)
    if unknown := set(args.servers) - set(SERVERS):
        parser.error(f"--servers: unknown {', '.join(sorted(unknown))} (use {', '.join(SERVERS)})")
    return args


def _set_up(cluster: Path, pg_port: int, args: argparse.Namespace, env: dict) -> None:
    """Start the throw-away cluster and load the demo with the simulated province into it."""
    subprocess.run([ROOT / "scripts" / "pg-cluster.sh", "start", cluster, str(pg_port)], check=True)
    started = time.perf_counter()
    demo = [BIN / "careerlens", "demo", "--no-serve", "--clients", str(args.clients)]
    demo += ["--seed", str(args.seed)]
    output = subprocess.run(demo, env=env, check=True, capture_output=True, text=True).stdout
    province = next((line for line in output.splitlines() if line.startswith("Simulated province")), "")
    print(f"set-up ({args.clients:,} clients, PostgreSQL): {time.perf_counter() - started:.1f} s")
    print(f"  {province}")


def main() -> None:
    args = _arguments()
    if args.serve:
        return _prefork(args.serve, args.workers)
    work = Path(tempfile.mkdtemp(prefix="careerlens-bench-"))
    work.chmod(0o755)  # as root, the cluster runs as the postgres user, who must reach its directory
    cluster, pg_port, port = work / "pg", _free_port(), _free_port()
    database = args.database or f"postgres://postgres@127.0.0.1:{pg_port}/postgres"
    env = _environment(database, work / "var", args.conn_max_age)
    server = None
    try:
        if not args.database:
            _set_up(cluster, pg_port, args, env)
        name, key, clients = _session(env)
        if not clients:
            raise SystemExit("error: the demo practitioner has no clients: nothing to open")
        print(
            f"{args.users} users, {args.requests} requests a page; "
            f"{len(clients)} clients in the demo practitioner's caseload; "
            f"DATABASE_CONN_MAX_AGE={args.conn_max_age}"
        )
        for kind in args.servers:
            for jit in args.jit:
                # PostgreSQL's JIT compiles a query whose estimated cost passes jit_above_cost; "off" is
                # sent by the app's connections only (DATABASE_URL options), the server keeps its default.
                served = env | {"DATABASE_URL": env["DATABASE_URL"] + JIT_OFF} if jit == "off" else env
                server = _start(kind, port, args.workers, served)
                _wait(port, server)
                print(SERVERS[kind].format(workers=args.workers) + f" PostgreSQL JIT {jit}:")
                _measure(port, args, f"{name}={key}", clients)
                _stop(server)
                server = None
    except subprocess.CalledProcessError as failed:
        detail = (failed.stderr or "").strip().splitlines()[-1:] or [f"exit code {failed.returncode}"]
        raise SystemExit(f"error: {Path(str(failed.cmd[0])).name} failed: {detail[0]}") from None
    finally:
        if server is not None:
            _stop(server)
        subprocess.run([ROOT / "scripts" / "pg-cluster.sh", "stop", cluster], check=False)
        subprocess.run(["rm", "-rf", work], check=False)


if __name__ == "__main__":
    sys.exit(main())
