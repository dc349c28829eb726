"""briefgen: a local government's work report and figures in, print-ready briefings (DOCX, PDF) out.

The pipeline, one module (or subpackage) per stage:

    load      data files -> plain dicts + a source map (file, line, column / sheet!cell)
    model     plain dicts -> validated Report (pydantic), every problem with its location
    compose   Report + Jinja2 template -> briefing markup -> Document IR (templating, markup, ir)
    render    Document + Theme -> DOCX bytes (writers/docx) and PDF bytes (writers/pdf), one fit decision (fit)
    jobs      build, batch: plan the outputs, write them atomically with a manifest, return a JobResult

The same from a script::

    import briefgen
    settings = briefgen.load_settings({"data": "data/report.yaml", "out": "out"})
    result = briefgen.build(settings)
    for f in result.outputs: print(f.path, f.status)
"""

__version__ = "0.1.0"

__all__ = ["Settings", "load_settings", "load_report", "make_document", "render_document", "build", "batch", "pack", "verify"]


def __getattr__(name):  # the API loads on first use, so `briefgen --help` stays fast
    if name in ("Settings", "load_settings"):
        from . import settings

        return getattr(settings, name)
    if name in ("load_report", "make_document"):
        from . import compose

        return getattr(compose, name)
    if name == "render_document":
        from .render import render_document

        return render_document
    if name in ("build", "batch", "pack", "verify"):
        from . import jobs

        return getattr(jobs, name)
    raise AttributeError(f"module 'briefgen' has no attribute {name!r}")
