"""A LibreTranslate stand-in on loopback, for the tests of the machine translation client and
what calls it: a real HTTP server in a thread that answers /translate per the protocol, or
fails the ways a real service fails (an error status, a garbled answer, too slow)."""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class TranslationServer:
    """`mode`: "ok" (each text becomes "[target] text"), "error" (500), "garbled" (200, not
    JSON), "short" (one translation too few), "slow" (answers after `delay` seconds).
    `requests` holds the JSON bodies received."""

    def __init__(self, mode: str = "ok", delay: float = 2.0):
        self.mode = mode
        self.delay = delay
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append({"path": self.path, **body})
                if server.mode == "slow":
                    time.sleep(server.delay)
                if server.mode == "error":
                    return self.answer(500, b'{"error": "model not loaded"}')
                if server.mode == "garbled":
                    return self.answer(200, b"<html>proxy error</html>")
                texts = [f"[{body['target']}] {text}" for text in body["q"]]
                if server.mode == "short":
                    texts = texts[:-1]
                return self.answer(200, json.dumps({"translatedText": texts}).encode())

            def answer(self, status, payload):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def refused_url() -> str:
    """A loopback address where nothing listens (the port was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
