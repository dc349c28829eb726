"""The limits of what the catalogue reads from an archive folder (see briefgen.limits for the data's own).

Each is far above a real brief and checked before the work it protects: a hostile folder is refused within a
second, nothing written."""

MAX_MANIFEST_BYTES = 16 * 1024 * 1024
"""Largest manifest.json read (16 MB). A batch of 500 briefs writes about 1 MB."""

MAX_DOCUMENT_BYTES = 200 * 1024 * 1024
"""Largest PDF or DOCX indexed (200 MB)."""

MAX_PAGES = 5_000
"""Most pages of one document indexed."""

MAX_PAGE_CHARS = 50_000
"""Most characters on one page (a dense A4 page of small type holds about 3,000 Chinese characters)."""

MAX_DATA_BYTES = 10 * 1024 * 1024
"""Largest data file or table loaded for a folder's figures and tasks (as briefgen.limits.MAX_DATA_FILE_BYTES)."""
