"""nginx as the edge cache in front of the application, from the snippets in deploy/nginx/.

The benchmark (bench/load.py) and the tests (tests/core/test_edge_cache.py) run the very
configuration that production includes (deploy/nginx/edge-cache-*.conf), in a folder of their
own, on a free loopback port, as a foreground process stopped on exit. It needs nginx and
ngx_cache_purge (Debian: nginx-light and libnginx-mod-http-cache-purge).
"""

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent.parent / "deploy" / "nginx"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_binary():
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if not found:
        raise RuntimeError(
            "nginx is needed: apt-get install nginx-light libnginx-mod-http-cache-purge"
        )
    return found


class EdgeNginx:
    """nginx caching the pages of `upstream` (host:port) the way production does."""

    def __init__(self, folder, upstream, *, host_name="127.0.0.1"):
        self.prefix = Path(folder)
        self.upstream = upstream
        self.host_name = host_name
        self.port = free_port()

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def write_config(self):
        shutil.rmtree(self.prefix, ignore_errors=True)
        (self.prefix / "logs").mkdir(parents=True)
        (self.prefix / "cache").mkdir()
        load = f"load_module {PURGE_MODULE};" if PURGE_MODULE.exists() else ""
        # As root, workers would run as "nobody" and could not write the cache folder.
        user = "user root;" if os.geteuid() == 0 else ""
        (self.prefix / "nginx.conf").write_text(
            f"""{load}
{user}
worker_processes auto;
pid {self.prefix}/nginx.pid;
error_log {self.prefix}/logs/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    keepalive_requests 100000;
    client_body_temp_path {self.prefix}/body;
    proxy_temp_path {self.prefix}/proxy;
    fastcgi_temp_path {self.prefix}/fastcgi;
    uwsgi_temp_path {self.prefix}/uwsgi;
    scgi_temp_path {self.prefix}/scgi;
    proxy_cache_path {self.prefix}/cache levels=1:2 keys_zone=sbm_pages:20m max_size=1g
                     inactive=1h use_temp_path=off;
    include {DEPLOY}/edge-cache-http.conf;
    upstream sbm_app {{
        server {self.upstream};
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{self.port};
        server_name {self.host_name};
        location / {{
            proxy_pass http://sbm_app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            include {DEPLOY}/edge-cache-location.conf;
        }}
    }}
}}
"""
        )

    def __enter__(self):
        self.write_config()
        self.process = subprocess.Popen(  # noqa: S603 - our own nginx and config
            [nginx_binary(), "-p", str(self.prefix), "-c", "nginx.conf", "-g", "daemon off;"],
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx stopped: {self.process.stderr.read().decode()}")
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.1)
        raise RuntimeError("nginx did not start")

    def wait_until_stored(self, path, *, timeout=5.0):
        """Wait until nginx has written the cache entry of `path` (the key is host, URI and
        query string). nginx stores a page after it has answered the client, so a request
        sent right after a MISS may otherwise still find nothing in the cache."""
        key = f"KEY: {self.host_name}{path}\n".encode()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for entry in (self.prefix / "cache").rglob("*"):
                if entry.is_file() and key in entry.read_bytes()[:4096]:
                    return
            time.sleep(0.02)
        raise AssertionError(f"nginx did not store {path} within {timeout} s")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def request(url, *, method="GET", headers=None):
    """(status, headers, body) of a loopback request, errors included."""
    prepared = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        # Only loopback URLs built by the benchmark and the tests.
        with urllib.request.urlopen(prepared, timeout=30) as response:  # noqa: S310  # nosec B310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
