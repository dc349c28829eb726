"""Page text as the catalogue keeps it, and the 2-character grams of the short-query index.

PDF text comes out with line breaks wherever a line wrapped, also inside a word (规上工业\\n增加值). The catalogue
keeps each page as one line: a break or space between two Chinese characters is dropped, any other run of
white space becomes one space. Queries are normalised the same way, so a phrase broken over lines is found.

``grams`` writes a text as the tokens of the 1-2-character index: every two neighbouring characters of a run
of letters and digits (what FTS5's unicode61 tokenizer keeps together), and the last character of each run
alone. A 2-character query is then one token (``"工业"``) and a 1-character query a prefix (``工*``): every place
the character stands is either the first of a pair or the end of a run.
"""

from __future__ import annotations

import re
import unicodedata

from ..text import ZERO_WIDTH

_SPACE = re.compile(r"\s+")
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}，。、；：！？（）《》“”])\s+(?=[{_CJK}，。、；：！？（）《》“”])")


def normalise(text: str) -> str:
    text = ZERO_WIDTH.sub("", text.replace("\x00", "").replace("\ufffe", "").replace("\r", "\n"))
    text = _CJK_GAP.sub("", text)
    return _SPACE.sub(" ", text).strip()


def is_word_char(ch: str) -> bool:
    """What FTS5's unicode61 tokenizer counts as part of a token: letters, digits, private use."""
    return unicodedata.category(ch)[0] in "LN" or unicodedata.category(ch) == "Co"


_RUN = re.compile(r"(?:[^\W_]|[\ue000-\uf8ff])+")  # letters and digits (str.isalnum: L*, N*) and private use (Co)


def runs(text: str) -> list[str]:
    return _RUN.findall(text)


def grams(text: str) -> str:
    tokens = []
    for run in runs(text):
        tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
        tokens.append(run[-1])
    return " ".join(tokens)


TAG = "\ue0f0"  # a private-use character (a token character to unicode61) that starts every filter token


def _tag(prefix: str, value) -> str | None:
    """A filter value as a token of the gram index: a private-use character, a letter, the value (\ue0f0y2023,
    \ue0f0ksummary): never one of the text's 1-2-character tokens, nor matched by a query's prefix; None when the
    value is not one token."""
    text = f"{TAG}{prefix}{value}"
    return text if value is not None and str(value) and all(is_word_char(ch) for ch in text) else None


def tags(year: int | None, kind: str | None) -> str:
    """The filter tokens appended to a page's grams: its year and its kind (the template)."""
    found = [t for t in (_tag("y", year), _tag("k", kind)) if t]
    return (" " + " ".join(found)) if found else ""


def tag_query(year: int | None, kind: str | None) -> str | None:
    """The FTS5 expression of the filters that are tokens of the gram index (None: none are)."""
    found = [f'"{t}"' for t in (_tag("y", year), _tag("k", kind)) if t]
    return " AND ".join(found) or None


def short_query(query: str) -> str | None:
    """The FTS5 expression of a 1-2-character query on the gram index, or None when it holds a character the index
    does not keep (punctuation, a space): such a query is answered by a scan."""
    if not all(is_word_char(ch) for ch in query):
        return None
    return f'"{query}"' if len(query) == 2 else f'"{query}" *'


def covering_query(query: str) -> str | None:
    """An FTS5 expression on the gram index that every page holding ``query`` matches (a superset: the text still
    has to be checked): each pair of neighbouring letters or digits, and a lone one as a prefix."""
    terms = []
    for run in runs(query):
        terms += [f'"{run[i:i + 2]}"' for i in range(len(run) - 1)] if len(run) > 1 else [f'"{run}" *']
    return " AND ".join(dict.fromkeys(terms)) or None


def phrase(query: str) -> str:
    """A 3+ character query as one FTS5 phrase (trigram: a substring match)."""
    return '"' + query.replace('"', '""') + '"'
