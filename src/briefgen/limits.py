"""Every limit briefgen puts on its inputs, in one place.

A data file, an Excel sheet or a CSV passed between offices cannot be trusted: a YAML alias bomb, a cell at
XFD1048576, a zip bomb saved as .xlsx or a number with thousands of digits would otherwise hang briefgen or
eat all memory. Each limit below is far above anything a real work report needs (a district's report has a
few dozen indicators and a few hundred tasks) and is checked *before* the work it protects, so that a hostile
file is refused within a second, with one located line that names the limit and says how to fix the input.

The loaders (``briefgen.load``) and the model's validators (``briefgen.model.report``) read these constants; tests may
lower them. ``refusal`` words the message.
"""

from __future__ import annotations

from . import messages as M

# --- files ---------------------------------------------------------------------------------------------------

MAX_DATA_FILE_BYTES = 10 * 1024 * 1024
"""Largest YAML or JSON data file read (10 MB). The sample report's data file is 20 KB."""

MAX_TABLE_FILE_BYTES = 20 * 1024 * 1024
"""Largest .xlsx or .csv table read (20 MB). A table of a few hundred tasks is well under 1 MB."""

# --- YAML / JSON structure -----------------------------------------------------------------------------------

MAX_NESTING_DEPTH = 50
"""Deepest nesting of mappings and lists in a data file. The data model itself is 7 levels deep."""

MAX_YAML_NODES = 200_000
"""Most values (keys, values and list items) a data file may hold once every YAML alias (``*name``) and merge
key (``<<:``) is expanded. Counted on the parsed nodes, before any object is built, so that an alias bomb
("billion laughs") is refused without being expanded."""

MAX_YAML_ALIASES = 10_000
"""Most alias uses (``*name``) in one data file; real data files use none or a handful."""

MAX_LIST_ITEMS = 1_000
"""Longest list in a data file (indicators, the tasks of a section, a department list)."""

MAX_STRING_CHARS = 20_000
"""Longest text value, in characters, in a data file or a table cell (about 13 printed pages)."""

# --- numbers -------------------------------------------------------------------------------------------------

MAX_NUMBER_CHARS = 40
"""Longest number as written (digits, sign, point and exponent) in a YAML or JSON file. Python refuses to read
integers of more than 4,300 digits at all; a figure in a work report has fewer than 20."""

MAX_INTEGER_DIGITS = 15
"""Most digits before the decimal point of a figure (up to 999 trillion): decimal arithmetic in templates keeps
28 significant digits, so larger or more precise values cannot be formatted reliably."""

MAX_DECIMAL_PLACES = 10
"""Most digits after the decimal point of a figure."""

MIN_YEAR = 1900
"""Earliest year accepted for a report's date, its year and a deadline."""

MAX_YEAR = 2199
"""Latest year accepted for a report's date, its year and a deadline (date arithmetic near 9999 overflows)."""

# --- tables --------------------------------------------------------------------------------------------------

MAX_TABLE_ROWS = 5_000
"""Most rows of a sheet or CSV read, counted up to the last row that holds a value."""

MAX_TABLE_COLUMNS = 100
"""Most columns of a sheet or CSV read, counted up to the last column that holds a value."""

MAX_TABLE_CELLS = 200_000
"""Most cells one sheet of an .xlsx may store, with a value or only formatting: openpyxl keeps each in memory."""

MAX_ZIP_MEMBER_BYTES = 100 * 1024 * 1024
"""Largest uncompressed part of an .xlsx (a sheet's XML, the shared strings): 100 MB."""

MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024
"""Largest total uncompressed size of all parts of an .xlsx: 200 MB."""

MAX_ZIP_RATIO = 200
"""Highest compression ratio (uncompressed / compressed size) of an .xlsx part larger than
``ZIP_RATIO_FLOOR_BYTES``; sheets compress 5-20 times, a zip bomb thousands of times."""

ZIP_RATIO_FLOOR_BYTES = 1024 * 1024
"""Parts smaller than this (1 MB uncompressed) are not checked for their ratio: they cannot do harm."""

MAX_ZIP_MEMBERS = 10_000
"""Most parts in an .xlsx archive."""

MAX_ZIP_MEMBERS_DOCX = 2_000
"""Most parts in a .docx read (a reference DOCX, a report to extract); Word writes a dozen or two."""

MAX_DOCX_FILE_BYTES = 50 * 1024 * 1024
"""Largest .docx read as a reference or a report to extract (50 MB, pictures included)."""

MAX_DOCX_XML_BYTES = 50 * 1024 * 1024
"""Largest uncompressed XML part of a .docx (document.xml of a 300-page report is about 5 MB)."""

MAX_REPORT_TEXT_BYTES = 10 * 1024 * 1024
"""Largest .txt report that ``briefgen extract`` reads (10 MB, some 3 million characters; a work report has
20,000-50,000)."""

MAX_REPORT_CHARS = 200_000
"""Most characters of a report's text (from .txt, .docx or .pdf) that ``briefgen extract`` takes apart: a year's work
report has 20,000-50,000; taking one apart takes some seconds per 100,000 characters."""

# --- output folders ------------------------------------------------------------------------------------------

MAX_MANIFEST_BYTES = 16 * 1024 * 1024
"""Largest manifest.json read from an output folder (16 MB): briefgen writes about 600 bytes a file, so a batch of
1,000 departments in two formats makes about 1.2 MB."""

MAX_MANIFEST_DEPTH = 16
"""Deepest nesting of a manifest.json; briefgen writes at most about 8 levels (a warning's arguments inside it)."""

# --- templates -----------------------------------------------------------------------------------------------

MAX_TEMPLATE_FILE_BYTES = 1024 * 1024
"""Largest template file (1 MB); the built-in ones are 2-5 KB."""

MAX_TEMPLATE_STEPS = 1_000_000
"""Most steps one rendering may take: each loop iteration, call, filter and operator counts one, a macro call 40,
an include 50 (what they cost). The sample's task list takes about 100 steps, a list of 1,000 tasks some 10,000."""

MAX_TEMPLATE_RANGE = 100_000
"""Most numbers a template's ``range()`` may make."""

MAX_TEMPLATE_ITEMS = 100_000
"""Longest list a template may make (``[x] * n``, ``batch``, ``slice``)."""

MAX_TEMPLATE_TEXT_CHARS = 2_000_000
"""Longest text a template may make: one value (``'x' * n``, ``center``, ``join``), a captured block (a macro's
output, ``{% set %}…{% endset %}``) or the whole rendered markup. The sample's task list is 3,500 characters."""

MAX_TEMPLATE_INT_DIGITS = 100
"""Most digits of a whole number a template may compute (``10 ** 10 ** 8`` is refused before it is computed)."""

MAX_TEMPLATE_DEPTH = 50
"""Deepest nesting of macro calls (a macro calling itself) and includes."""

MAX_TEMPLATE_SECONDS = 5.0
"""Longest time one rendering may take, in seconds; a rendering takes milliseconds."""

MAX_MARKUP_ELEMENTS = 20_000
"""Most elements (paragraphs, rows, cells, runs) in a rendered document: about 2,500 tasks, some 70 pages; laying
out a document takes about 3 ms an element, so this bounds one document to about a minute."""

MAX_MARKUP_COLUMNS = 50
"""Most columns of a table in briefing markup (a column of a 50-column table is 3 mm wide on A4)."""

# --- themes --------------------------------------------------------------------------------------------------

MAX_THEME_FILE_BYTES = 1024 * 1024
"""Largest theme file (1 MB); the built-in ones are 4 KB."""

MAX_THEME_EXTENDS = 20
"""Longest ``extends`` chain of themes (a theme extending a theme extending …)."""

MAX_THEME_TEXT_CHARS = 200
"""Longest text in a theme (a font name, a page-number format, a mark)."""


def megabytes(n: int):
    """A byte count for messages (a Message): 10485760 -> "10 MB", 1500 -> "1,500 bytes"."""
    return M.megabytes(n=f"{n / (1024 * 1024):.0f}") if n >= 1024 * 1024 else M.byte_count(n=f"{n:,}")


def refusal(what, limit, fix):
    """One message for a limit: what was found, the limit it exceeds, how to fix the input (BG001).

    Each part is a catalogue Message (``M.list_items(n=…)``), worded with the whole in the language shown; a
    caller not yet converted may pass three English strings and gets the English sentence back.

    >>> refusal("the file is 52 MB", "at most 10 MB (limits.MAX_DATA_FILE_BYTES)", "split it")
    'the file is 52 MB; briefgen reads at most 10 MB (limits.MAX_DATA_FILE_BYTES); split it'
    """
    if all(isinstance(part, str) for part in (what, limit, fix)):
        return f"{what}; briefgen reads {limit}; {fix}"

    return M.refusal(what=what, limit=limit, fix=fix)

# ---- the local web page (`briefgen serve`) ---------------------------------------------------------------------

MAX_UPLOAD_FILES = 20
"""Files dropped on the page at one time (a working folder holds a data file, two tables, a few templates)."""

MAX_SESSION_BYTES = 200 * 1024 * 1024
"""All the files of one page's session together (ten reports' worth of workbooks and reference documents)."""

SESSION_HOURS = 12
"""Hours a page's session (its uploads and outputs) is kept unused before it is removed: one working day."""
