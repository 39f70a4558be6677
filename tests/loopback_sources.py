"""A loopback web server that plays the sources' publishers for the source watch's tests:
each path answers with what a test put there (a page, a PDF, a redirect, an error, a slow or
a huge answer), and every request's User-Agent is kept for the test to read."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    send_length: bool = True  # False: no Content-Length; the body ends when the connection closes


@dataclass
class Publisher:
    base: str  # http://127.0.0.1:PORT
    answers: dict[str, Answer] = field(default_factory=dict)
    user_agents: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, html: str, charset: str = "utf-8", declared: str | None = "utf-8") -> None:
        """An HTML page at ``path``, encoded in ``charset``, its header naming ``declared``."""
        content_type = f"text/html; charset={declared}" if declared else "text/html"
        self.answers[path] = Answer(html.encode(charset), content_type=content_type)


@contextmanager
def publisher() -> Iterator[Publisher]:
    """A server on 127.0.0.1 at a free port, for the length of the ``with`` block."""
    site = Publisher("")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            site.user_agents.append(self.headers.get("User-Agent", ""))
            answer = site.answers.get(self.path, Answer(b"not here", status=404, content_type="text/plain"))
            time.sleep(answer.delay)
            try:
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                if answer.send_length:
                    self.send_header("Content-Length", str(len(answer.body)))
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(answer.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the watch gave up waiting (the timeout test) or stopped reading (too large)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def html_page(
    article: str, stamp: str = "1 June 2026, 09:00", menu: tuple[str, ...] = ("Home", "News")
) -> str:
    """A publisher's page: a menu, a header and footer with the time it was made, a script, and
    ``article`` (paragraphs) as its main text."""
    items = "".join(f'<li><a href="/{name.lower()}">{name}</a></li>' for name in menu)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Zelvora label</title>
<script>window.pageMadeAt = "{stamp}";</script></head>
<body>
<nav><ul>{items}</ul></nav>
<header><p>Page made {stamp}</p></header>
<main><article><h1>Zelvora product label</h1>
{article}
</article></main>
<footer><p>This page was last generated on {stamp}. Cookie settings. Accessibility.</p></footer>
</body></html>
"""


LABEL = """<p>Zelvora blocks the test fever signal in people who have the test fever. It is given as a
drip into a vein, once a year, in hospital.</p>
<p>Itchy skin is very common: it may affect more than 1 in 10 people. Sneezing is rare.</p>
<p>Get help right away if you have trouble breathing. Call your doctor immediately if you have a
very high temperature.</p>
<p>Store Zelvora in a fridge. Keep it out of the sight and reach of children.</p>"""
