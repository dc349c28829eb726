"""The page's handlers: each parses the request, calls one function (the library, a session), and answers with
the page's template or JSON. The API under the page (documented in the README):

    POST /api/sessions                                   a new session (one per tab)          -> {id}
    GET  /api/sessions/{sid}                             the working folder                    -> {files, templates, departments}
    POST /api/sessions/{sid}/files        (multipart)    upload files; kind=folder|report      -> {stored, problems, draft}
    POST /api/sessions/{sid}/sample                      start from the sample data
    POST /api/sessions/{sid}/draft        {report, edits} save an edited draft as the data file
    POST /api/sessions/{sid}/jobs         {kind, options} start build, pack or batch            -> {id}
    GET  /api/sessions/{sid}/jobs/{jid}                  its state, files, problems, notes
    GET  /api/sessions/{sid}/jobs/{jid}/events           progress as Server-Sent Events
    GET  /api/sessions/{sid}/jobs/{jid}/files/{name}     one file (RFC 6266 filename*)
    GET  /api/sessions/{sid}/jobs/{jid}/pages/{name}/{n} a PNG of page n of a PDF
    GET  /api/sessions/{sid}/jobs/{jid}/zip              every file and the manifest
    GET  /api/sessions/{sid}/watch                       Server-Sent Events: a job started by a save
    POST /api/sessions/{sid}/progress/clear              forget the returned 进度表 (kind=progress uploads)
    GET  /api/sessions/{sid}/catalog                     the archive catalogue: where, whether there, what it holds
    GET  /api/sessions/{sid}/catalog/search?q=&year=&kind=  pages with the match, the figure series, a unit's tasks
    GET  /api/sessions/{sid}/catalog/figure.xlsx?name=   the figure series as a workbook
    GET  /api/sessions/{sid}/catalog/pages/{doc}/{n}     a PNG of page n of an archived PDF

The 督办 tab's jobs are kinds track-forms {period} and track-report {period, as_of, rule}; the returned 进度表 are
uploaded with kind=progress.

Every request carries the token (``?token=`` once, then a cookie, or the ``X-Briefgen-Token`` header); a request
that changes anything (POST) must carry the header, so no other site can make the browser send it.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import secrets
import time
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from .. import limits
from .. import messages as M
from ..errors import BriefgenError, DataError, one_line
from ..i18n import Text, normalize
from . import archive
from .sessions import Store, in_pdfium, problem_json

HERE = Path(__file__).parent
TOKEN_HEADER = "x-briefgen-token"


def page_texts(lang: str) -> dict[str, str]:
    """Every text of the page (the catalogue's web_ entries), worded in ``lang``."""
    out = {}
    for name in dir(M):
        entry = getattr(M, name)
        if name.startswith("web_") and isinstance(entry, Text):
            out[name[4:]] = entry.chinese if lang == "zh" else entry.english  # {named} parts are filled by the page
    return out


def choose_language(request: Request, fixed: str | None) -> str:
    """--lang, then the browser's Accept-Language (the first language we speak), else Chinese."""
    if fixed:
        return fixed
    for part in request.headers.get("accept-language", "").split(","):
        lang = normalize(part.split(";")[0].strip())
        if lang:
            return lang
    return "zh"


def page_key(token: str) -> str:
    """The token as the page and its cookie carry it (hex: a header and a cookie hold only ASCII)."""
    import hashlib

    return hashlib.sha256(("briefgen page " + token).encode("utf-8")).hexdigest()


class TokenGate:
    """ASGI middleware: the token on every request, the header on every change; 403 and nothing else otherwise."""

    def __init__(self, app, token: str, cookie: str, lang: str | None, password: bool, hosts: tuple[str, ...] | None) -> None:
        self.app = app
        self.token = token
        self.key = page_key(token)  # what the cookie and the page's header carry: ASCII whatever the password
        self.cookie = cookie
        self.lang = lang
        self.password = password
        self.hosts = hosts

    def _ok(self, given: str | None) -> bool:
        return bool(given) and (hmac.compare_digest(given.encode(), self.token.encode()) or
                                hmac.compare_digest(given.encode(), self.key.encode()))

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        if self.hosts is not None and request.headers.get("host", "").rsplit(":", 1)[0] not in self.hosts:
            return await self._forbidden(request, scope, receive, send)  # another site's name for 127.0.0.1
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = (query.get("token") or [None])[0]
        if given is not None and scope["method"] == "GET":
            if not self._ok(given):
                return await self._forbidden(request, scope, receive, send)
            rest = {k: v for k, v in query.items() if k != "token"}
            target = request.url.path + ("?" + urlencode(rest, doseq=True) if rest else "")
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(self.cookie, self.key, httponly=True, samesite="strict", path="/")
            return await response(scope, receive, send)
        header = request.headers.get(TOKEN_HEADER)
        if scope["method"] not in ("GET", "HEAD"):
            if not self._ok(header):
                return await self._forbidden(request, scope, receive, send)
        elif not (self._ok(request.cookies.get(self.cookie)) or self._ok(header)):
            return await self._forbidden(request, scope, receive, send)
        return await self.app(scope, receive, send)

    async def _forbidden(self, request, scope, receive, send):
        lang = choose_language(request, self.lang)
        texts = page_texts(lang)
        form = (f'<form method="get" action="/"><label>{texts["password"]} <input type="password" name="token" autofocus></label>'
                f' <button>{texts["enter"]}</button></form>') if self.password and request.url.path == "/" else ""
        body = (f'<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>403</title>'
                f'<body style="font-family:sans-serif;margin:3em"><p>{texts["forbidden"]}</p>{form}</body></html>')
        await HTMLResponse(body, status_code=403)(scope, receive, send)


def create_app(store: Store, token: str, cookie: str = "briefgen_token", lang: str | None = None, password: bool = False,
               hosts: tuple[str, ...] | None = None, watch_step_ms: int = 50) -> TokenGate:
    templates = Jinja2Templates(directory=str(HERE / "templates"))

    def session_or_404(request: Request):
        session = store.get(request.path_params["sid"])
        if session is None:
            raise _NoSession()
        return session

    def job_or_404(request: Request):
        session = session_or_404(request)
        job = session.jobs.get(request.path_params["jid"])
        if job is None:
            raise _NotFound(request.path_params["jid"])
        return session, job

    async def page(request: Request):
        language = choose_language(request, lang)
        texts = page_texts(language)
        return templates.TemplateResponse(request, "page.html", {
            "t": texts, "lang": language, "token": page_key(token), "served": str(store.served) if store.served else "",
            "limits": json.dumps(_limits(), ensure_ascii=False), "texts": json.dumps(texts, ensure_ascii=False)})

    async def new_session(request: Request):
        session = store.new()
        return JSONResponse({"id": session.id})

    async def folder(request: Request):
        from . import jobs
        from ..workdir.folder import describe

        session = session_or_404(request)
        language = choose_language(request, lang)
        texts = page_texts(language)
        files = await asyncio.to_thread(describe, session.folders, session.uploads)
        folders = session.folders
        return JSONResponse({
            "id": session.id,
            "start": session.preloaded and not session.jobs,  # opened with files: make the documents at once
            "files": [{"name": f.name, "role": f.role, "label": texts.get("role_" + f.role, f.role), "size": f.size,
                       "uploaded": f.uploaded, "used": f.used} for f in files if f.role != "report"],
            "templates": await asyncio.to_thread(jobs.templates, folders),
            "departments": await asyncio.to_thread(jobs.departments, folders),
            "track": await asyncio.to_thread(jobs.track_info, folders),
        })

    async def upload(request: Request):
        from ..workdir.folder import check_upload, folder_bytes, store_upload, table_kind

        session = session_or_404(request)
        language = choose_language(request, lang)
        size = request.headers.get("content-length", "")

        def refused(why, status: int) -> JSONResponse:
            return JSONResponse({"stored": [], "problems": [{"where": "", "text": why.text(language), "place": None}]}, status)

        if not size.isdigit():  # a chunked upload would be spooled to disk and read whole, past every limit
            return refused(M.web_length_required(), 411)
        if int(size) > limits.MAX_SESSION_BYTES:  # refused before a byte of it is read
            return refused(limits.refusal(M.web_session_full(size=limits.megabytes(int(size))),
                                          M.web_limit_session(size=limits.megabytes(limits.MAX_SESSION_BYTES)), M.web_fix_session()), 413)
        try:
            form = await request.form(max_files=limits.MAX_UPLOAD_FILES + 1, max_fields=20,
                                      max_part_size=max(limits.MAX_DOCX_FILE_BYTES, limits.MAX_TABLE_FILE_BYTES))
        except (HTTPException, MultiPartException):  # Starlette's multipart limits (files, fields), in its English
            return refused(M.web_upload_unreadable(files=limits.MAX_UPLOAD_FILES), 400)
        try:
            kind = form.get("kind")
            report = "progress" if kind == "progress" else kind == "report"
            uploads = [f for f in form.getlist("file") if hasattr(f, "filename")]
            stored, problems, notes = [], [], []
            try:
                if len(uploads) > limits.MAX_UPLOAD_FILES:
                    check_upload(uploads[0].filename or "", 0, report, count=len(uploads))
                for item in uploads:
                    try:  # the size Starlette spooled, checked before the file is read into memory
                        check_upload(item.filename or "", item.size or 0, report, stored=folder_bytes(session.uploads))
                        data = await item.read()
                        check_upload(item.filename or "", len(data), report, stored=folder_bytes(session.uploads))
                        path = await asyncio.to_thread(store_upload, session.uploads, item.filename or "", data, report)
                        if report is False and await asyncio.to_thread(table_kind, path) == "progress":
                            path = await asyncio.to_thread(_to_progress, path)  # never the plan's task table
                            notes.append({"where": path.name, "text": M.web_progress_moved(name=path.name).text(language),
                                          "place": None, "ok": True})
                        stored.append(path.name)
                    except BriefgenError as exc:
                        problems.append({"where": item.filename or "", "text": one_line(_word(exc, language)), "place": None})
            except BriefgenError as exc:
                problems.append({"where": "", "text": one_line(_word(exc, language)), "place": None})
        finally:
            await form.close()
        draft = None
        if report is True and stored:
            draft = await asyncio.to_thread(_draft, session, stored[-1], language)
        return JSONResponse({"stored": stored, "problems": problems + notes, "draft": draft},
                            status_code=200 if stored or not problems else 400)

    def _draft(session, name: str, language: str) -> dict:
        from ..extract import extract
        from ..extract.form import form_fields

        path = session.uploads / "_reports" / name
        try:
            result = in_pdfium(extract, path)  # a PDF report is read with pdfium
        except DataError as exc:
            return {"report": name, "problems": [problem_json(p, session.folders, language) for p in exc.problems], "fields": []}
        except BriefgenError as exc:
            return {"report": name, "problems": [{"where": name, "text": one_line(_word(exc, language)), "place": None}], "fields": []}
        reasons = {k: v.text(language) if hasattr(v, "text") else str(v) for k, v in result.reasons.items()}
        result.reasons = reasons
        fields = form_fields(result)
        return {"report": name, "problems": [], "title": page_texts(language)["draft"].replace("{name}", name),
                "fields": [{"label": f.label, "name": _word_value(f.name, language), "value": f.value, "reason": f.reason, "long": f.long,
                            "kind": f.kind}
                           for f in fields]}

    async def save_draft(request: Request):
        from ..extract import extract
        from ..extract.form import apply_form, data_yaml
        from ..atomic import write_atomic
        from ..workdir.folder import safe_upload_name

        session = session_or_404(request)
        body = await _json(request)
        name = safe_upload_name(str(body.get("report", "")))
        path = session.uploads / "_reports" / name
        if not path.is_file():
            raise _NotFound(name)
        edits = body.get("edits") if isinstance(body.get("edits"), dict) else {}
        result = await asyncio.to_thread(in_pdfium, extract, path)
        data = apply_form(result.data, {str(k): str(v) for k, v in edits.items()})
        target = session.uploads / (Path(name).stem + ".yaml")
        await asyncio.to_thread(write_atomic, target, data_yaml(data).encode("utf-8"))
        return JSONResponse({"saved": target.name})

    async def sample(request: Request):
        from ..cli import sample_data_path
        from ..workdir.scaffold import init_folder
        from ..compose.templates import builtin_dir

        session = session_or_404(request)
        created = await asyncio.to_thread(init_folder, session.uploads, sample_data_path(), builtin_dir())
        return JSONResponse({"created": [str(p.relative_to(session.uploads)) for p in created]})

    async def start_job(request: Request):
        session = session_or_404(request)
        body = await _json(request)
        options = body.get("options") if isinstance(body.get("options"), dict) else {}
        job = session.start(str(body.get("kind", "build")), options)
        return JSONResponse({"id": job.id}, status_code=202)

    async def job_state(request: Request):
        session, job = job_or_404(request)
        return JSONResponse(job.summary(choose_language(request, lang)))

    async def job_events(request: Request):
        session, job = job_or_404(request)
        language = choose_language(request, lang)

        async def stream():
            sent = 0
            yield "retry: 1000\n\n"
            while True:
                events = job.events
                while sent < len(events):
                    yield f"event: progress\ndata: {json.dumps(events[sent], ensure_ascii=False)}\n\n"
                    sent += 1
                if job.done.is_set() and sent >= len(job.events):
                    summary = await asyncio.to_thread(job.summary, language)
                    yield f"event: done\ndata: {json.dumps(summary, ensure_ascii=False)}\n\n"
                    return
                if await request.is_disconnected():
                    return
                await asyncio.sleep(0.05)

        return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})

    async def job_file(request: Request):
        session, job = job_or_404(request)
        path = job.file(request.path_params["name"])
        if path is None:
            raise _NotFound(request.path_params["name"])
        inline = request.query_params.get("inline") == "1"
        return FileResponse(path, headers={"Content-Disposition": disposition(path.name, inline)})

    async def job_page(request: Request):
        session, job = job_or_404(request)
        png = await asyncio.to_thread(session.preview, job, request.path_params["name"], request.path_params["n"])
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    async def job_zip(request: Request):
        from ..track.job import FORMS

        session, job = job_or_404(request)
        path = await asyncio.to_thread(session.zip, job)
        stem = next((f.stem for f in job.files() if f.suffix == ".pdf"), job.kind)
        if job.kind == "track-forms":
            stem = f"{FORMS}_{job.options.get('period', '')}".rstrip("_")
        return FileResponse(path, media_type="application/zip", headers={"Content-Disposition": disposition(f"{stem}.zip")})

    async def sheet(request: Request):
        session, job = job_or_404(request)
        if job.sheet is None or not job.sheet.is_file():
            raise _NotFound("sheet")
        return FileResponse(job.sheet, media_type="image/png")

    async def watch(request: Request):
        from ..workdir.watch import changes

        session = session_or_404(request)

        async def stream():
            yield "retry: 1000\n\n"
            if not session.watched:  # nothing on disk to watch: the page's own uploads make the documents again
                while not await request.is_disconnected():
                    await asyncio.sleep(1)
                return
            async for key in changes(session.watched, step_ms=watch_step_ms, stop=request.is_disconnected):
                if session.last_print is None or key == session.last_print:
                    continue  # nothing made yet, or a save that changed nothing briefgen reads
                job = session.start(session.last_kind, session.last_options)
                yield f"event: rebuild\ndata: {json.dumps({'job': job.id, 'time': time.strftime('%H:%M:%S')})}\n\n"

        return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})

    async def clear_progress(request: Request):
        from ..workdir.folder import clear_progress as clear

        session = session_or_404(request)
        return JSONResponse({"removed": await asyncio.to_thread(clear, session.uploads)})

    # ---- the 档案 tab: the archive catalogue of the folder served (read only; its briefgen.toml read each time, so a
    # `catalog = …` added while the page runs counts) ----
    def catalogue() -> Path:
        return archive.catalogue_path(store.served)

    async def catalog_state(request: Request):
        session_or_404(request)
        info = await asyncio.to_thread(archive.state, catalogue(), store.served)
        if not info["exists"]:
            info["hint"] = M.web_archive_none(path=info["path"]).text(choose_language(request, lang))
        return JSONResponse(info)

    async def catalog_search(request: Request):
        session_or_404(request)
        q = request.query_params
        year = q.get("year", "")
        found = await asyncio.to_thread(archive.answer, catalogue(), q.get("q", ""), choose_language(request, lang),
                                        int(year) if year.isdigit() else None, q.get("kind") or None)
        return JSONResponse(found)

    async def catalog_figure(request: Request):
        from ..jobs.names import clean_part

        session = session_or_404(request)
        name = request.query_params.get("name", "")
        target = session.previews / "archive" / f"figure-{secrets.token_hex(6)}.xlsx"
        await asyncio.to_thread(archive.figure_table, catalogue(), name, target, choose_language(request, lang))
        return FileResponse(target, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            headers={"Content-Disposition": disposition(f"{clean_part(name.strip()) or 'figure'}.xlsx")})

    async def catalog_page(request: Request):
        from ..atomic import write_atomic
        from ..render.preview import page_pngs

        session = session_or_404(request)
        doc, n = request.path_params["doc"], request.path_params["n"]

        def png() -> bytes:
            pdf, digest = archive.page_pdf(catalogue(), doc)
            cached = session.previews / "archive" / f"{digest}-{n}.png"
            if cached.is_file():
                return cached.read_bytes()
            made = in_pdfium(page_pngs, pdf.read_bytes(), dpi=72, pages=[n], name=pdf.name)[0]
            write_atomic(cached, made)
            return made

        return Response(await asyncio.to_thread(png), media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    async def font(request: Request):
        import pylopdf_fonts_zh_cn as bundled  # the fonts the PDFs use: the page reads Chinese on any computer

        return FileResponse(bundled.sans_path(), media_type="font/otf", headers={"Cache-Control": "private, max-age=86400"})

    async def user_error(request: Request, exc: Exception):
        language = choose_language(request, lang)
        if isinstance(exc, _NoSession):
            return JSONResponse({"problems": [{"where": "", "text": M.web_no_session(hours=limits.SESSION_HOURS).text(language), "place": None}]}, 404)
        if isinstance(exc, _NotFound):
            return JSONResponse({"problems": [{"where": "", "text": M.web_not_found(what=exc.args[0]).text(language), "place": None}]}, 404)
        if isinstance(exc, DataError):
            return JSONResponse({"problems": [problem_json(p, [], language) for p in exc.problems]}, 400)
        if isinstance(exc, BriefgenError):
            return JSONResponse({"problems": [{"where": "", "text": one_line(_word(exc, language)), "place": None}]}, 400)
        return JSONResponse({"problems": [{"where": "", "text": M.web_unexpected(kind=type(exc).__name__, detail=one_line(str(exc))[:200]).text(language),
                                           "place": None}]}, 500)

    routes = [
        Route("/", page),
        Route("/api/sessions", new_session, methods=["POST"]),
        Route("/api/sessions/{sid}", folder),
        Route("/api/sessions/{sid}/files", upload, methods=["POST"]),
        Route("/api/sessions/{sid}/sample", sample, methods=["POST"]),
        Route("/api/sessions/{sid}/draft", save_draft, methods=["POST"]),
        Route("/api/sessions/{sid}/jobs", start_job, methods=["POST"]),
        Route("/api/sessions/{sid}/jobs/{jid}", job_state),
        Route("/api/sessions/{sid}/jobs/{jid}/events", job_events),
        Route("/api/sessions/{sid}/jobs/{jid}/files/{name}", job_file),
        Route("/api/sessions/{sid}/jobs/{jid}/pages/{name}/{n:int}", job_page),
        Route("/api/sessions/{sid}/jobs/{jid}/zip", job_zip),
        Route("/api/sessions/{sid}/jobs/{jid}/sheet", sheet),
        Route("/api/sessions/{sid}/watch", watch),
        Route("/api/sessions/{sid}/progress/clear", clear_progress, methods=["POST"]),
        Route("/api/sessions/{sid}/catalog", catalog_state),
        Route("/api/sessions/{sid}/catalog/search", catalog_search),
        Route("/api/sessions/{sid}/catalog/figure.xlsx", catalog_figure),
        Route("/api/sessions/{sid}/catalog/pages/{doc:int}/{n:int}", catalog_page),
        Route("/font/sans.otf", font),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={Exception: user_error, BriefgenError: user_error,
                                                       _NoSession: user_error, _NotFound: user_error})
    app.state.store = store
    return TokenGate(app, token, cookie, lang, password, hosts)


def _to_progress(path: Path) -> Path:
    """A returned 进度表 dropped with the folder's files, moved among the 督办 tab's returned forms."""
    from ..workdir.folder import PROGRESS

    (path.parent / PROGRESS).mkdir(exist_ok=True)
    return path.replace(path.parent / PROGRESS / path.name)


class _NoSession(Exception):
    pass


class _NotFound(Exception):
    pass


def disposition(name: str, inline: bool = False) -> str:
    """Content-Disposition with the name both ways (RFC 6266): an ASCII stand-in for old clients, and the real name
    as UTF-8 in filename*, which every current browser uses."""
    from urllib.parse import quote

    fallback = "".join(ch if 32 <= ord(ch) < 127 and ch not in '"\\%' else "_" for ch in name)
    return f"{'inline' if inline else 'attachment'}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def _word_value(value, lang: str) -> str:
    return value.text(lang) if hasattr(value, "text") and callable(value.text) else str(value)


def _word(exc: BaseException, lang: str) -> str:
    args = exc.args if exc.args else ("",)
    return "; ".join(a.text(lang) if hasattr(a, "text") and callable(a.text) else str(a) for a in args)


async def _json(request: Request) -> dict:
    try:
        body = await request.json()
    except ValueError as exc:
        raise BriefgenError(M.web_bad_request(detail=type(exc).__name__)) from None
    if not isinstance(body, dict):
        raise BriefgenError(M.web_bad_request(detail=type(body).__name__))
    return body


def _limits() -> dict:
    from ..workdir.folder import upload_limits

    return upload_limits()
