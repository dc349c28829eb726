"""briefgen: a local government's work report and figures in, print-ready briefings (DOCX, PDF) out.

The pipeline, one module (or subpackage) per stage:

    load      data files -> plain dicts + a source map (file, line, column / sheet!cell)
    model     plain dicts -> validated Report (pydantic), every problem with its location
    template  Report + Jinja2 template -> briefing markup (XML)
    markup    briefing markup -> Document IR (frozen dataclasses, no backend imports)
    writers   Document + Theme -> .docx (python-docx) and .pdf (reportlab)
    build     the whole road for one data file, with atomic, deterministic outputs
"""

__version__ = "0.1.0"
