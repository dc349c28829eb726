"""The contents page's entries as links in the DOCX: each entry's runs inside a w:hyperlink to a bookmark
that the part's title or heading carries (what Word's TOC \\h writes), so a click in Word or WPS, and a
click in LibreOffice's PDF export, goes to the page."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def anchor_name(index: int) -> str:
    """The bookmark of the contents' entry ``index`` (Word names its own TOC bookmarks _Toc…)."""
    return f"_Toc_briefgen_{index + 1:03d}"


def _key(text: str) -> str:
    return "".join(text.split())


class Targets:
    """The contents' entries waiting for the title or heading they point to, in order."""

    def __init__(self) -> None:
        self._pending: list[tuple[str, str]] = []
        self._next_id = 9000  # w:id of the bookmarks, clear of any a reference document might hold

    def expect(self, text: str, index: int) -> str:
        name = anchor_name(index)
        self._pending.append((_key(text), name))
        return name

    def mark(self, p, text: str) -> None:
        """Bookmark paragraph ``p`` when its ``text`` is the next entry waiting (or a later one: an entry whose
        heading never comes is skipped)."""
        key = _key(text)
        for i, (want, name) in enumerate(self._pending):
            if want == key:
                del self._pending[: i + 1]
                self._bookmark(p, name)
                return

    def _bookmark(self, p, name: str) -> None:
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._next_id))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self._next_id))
        self._next_id += 1
        pPr = p.find(qn("w:pPr"))
        if pPr is not None:
            pPr.addnext(start)
        else:
            p.insert(0, start)
        p.append(end)


def link_runs(p, runs: list, anchor: str) -> None:
    """Move ``runs`` of paragraph ``p`` (consecutive) into a w:hyperlink to bookmark ``anchor``."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    runs[0].addprevious(link)
    for r in runs:
        link.append(r)
