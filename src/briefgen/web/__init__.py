"""The local web page (`briefgen serve`): a thin ASGI app (Starlette on uvicorn) over the same jobs the CLI runs.

    app = create_app(Store(served=folder), token)      # web.app: handlers and the JSON API
    serve(folder, port=0, open_browser=True)           # a free port on 127.0.0.1, the browser opened on ?token=…

Handlers parse, call one function, and answer; what a folder holds and the settings a job takes are
``briefgen.workdir.folder``; sessions and their jobs ``web.sessions``. Everything the page loads is in the package.
"""

from __future__ import annotations

import secrets
import socket
from pathlib import Path
from typing import Callable

LOCAL = ("127.0.0.1", "localhost", "::1")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def serve(folder: Path | None = None, host: str = "127.0.0.1", port: int = 0, password: str | None = None,
          lang: str | None = None, open_browser: bool = True, workers: int | None = None,
          say: Callable[[str], None] = print, files: list[Path] | None = None) -> None:
    """Serve the page until Ctrl+C: a token made now (or the password), the browser opened on the first URL.
    ``files`` (dropped on briefgen.bat) are in every new session's folder, and the page makes the documents at once."""
    import threading
    import webbrowser

    import uvicorn

    from .. import messages as M
    from .app import create_app
    from .sessions import Store

    port = port or free_port(host)
    token = password or secrets.token_urlsafe(18)
    store = Store(served=folder, workers=workers, preload=files or [])
    local = host in LOCAL
    hosts = ("127.0.0.1", "localhost", "[::1]") if local else None
    app = create_app(store, token, cookie=f"briefgen_{port}", lang=lang, password=bool(password), hosts=hosts)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{shown}:{port}/" + ("" if password else f"?token={token}")
    if not local:
        say(str(M.web_password_given(host=host) if password else M.web_shared(host=host)))
    say(str(M.web_serving(url=url)))
    # an open tab keeps its event streams open: Ctrl+C stops the server after 1 s whatever the tabs do
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, lifespan="off",
                            timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)
    if open_browser:
        def opener() -> None:
            import time

            for _ in range(100):  # open once the server answers, so the first page is never an error
                if server.started:
                    break
                time.sleep(0.03)
            webbrowser.open(url)

        threading.Thread(target=opener, daemon=True).start()
    try:
        server.run()
    finally:
        store.close()
