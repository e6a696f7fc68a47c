"""The bench's static server compresses text as the public host does (Lighthouse scores it)."""

from __future__ import annotations

import gzip
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench.gzip_server import serve  # noqa: E402


def fetch(url: str, encoding: str | None) -> tuple[dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding
                                     else {})
    with urllib.request.urlopen(request) as response:
        return dict(response.headers), response.read()


def test_text_is_sent_gzipped_and_other_files_as_they_are(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>bonjour</p>" * 50, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG....")
    server, base = serve(tmp_path)
    try:
        headers, body = fetch(base + "page/", "gzip, deflate")
        assert headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body) == ("<p>bonjour</p>" * 50).encode()
        headers, body = fetch(base + "page/", None)
        assert "Content-Encoding" not in headers and body.startswith(b"<p>bonjour")
        headers, body = fetch(base + "image.png", "gzip")
        assert "Content-Encoding" not in headers and body == b"\x89PNG...."
    finally:
        server.shutdown()
        server.server_close()
