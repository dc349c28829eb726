"""The PDF outline (bookmarks): a zero-size flowable placed just before a title or heading.

When it is drawn it marks its place on the page and adds an outline entry at its level (0: the title,
1-4: the heading levels), so every PDF has a navigable outline and a pack can nest each part's under it.
"""

from __future__ import annotations

from reportlab.platypus import Flowable


class Bookmark(Flowable):
    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        canv.bookmarkHorizontal(self.key, 0, 0)
        canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)
