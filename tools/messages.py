"""Write and compile briefgen's message catalogue: `make messages` (or `python tools/messages.py [--check]`).

Babel extracts three kinds of text into ``src/briefgen/locale/zh_CN/LC_MESSAGES/briefgen.po``:

- the coded entries of ``briefgen.messages`` (``Text("BG101", "English", "中文")``): the code is the message
  context, the English the id; the Chinese beside it in the source becomes the translation;
- every help text of the command tree (commands and options), found by walking the Click commands;
- Click's own messages ("Usage:", "Missing argument …"), extracted from the installed Click.

Help texts and Click's messages have no code: their Chinese is written in the ``.po`` itself and kept
across runs. The ``.mo`` is compiled beside it; both ship in the wheel. ``--check`` changes nothing and exits
1 when a file would change or a translation is missing (the test suite runs it).
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from briefgen.i18n import LOCALE_DIR, Text  # noqa: E402

PO = LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "briefgen.po"
MO = PO.with_suffix(".mo")
FIXED_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)  # the files are rebuilt byte for byte


def coded_entries() -> list[tuple[str, str, str, str]]:
    """(code, English, Chinese, where) of every catalogue entry, as Babel finds them in the source."""
    import briefgen.messages  # noqa: F401  (fills Text.registry)

    found = []
    for path in sorted((ROOT / "src" / "briefgen" / "messages").glob("*.py")):
        for lineno, message, _comments, context in extract_from_file(
                "python", path, keywords={"Text": ((1, "c"), 2)}):
            if context is None:
                continue
            entry = Text.registry.get(context)
            if entry is None or entry.english != message:
                raise SystemExit(f"{path.name}:{lineno}: {context}: write the entry as Text(\"BG…\", \"English\", \"中文\") with literal strings")
            found.append((context, message, entry.chinese, f"{path.relative_to(ROOT)}:{lineno}"))
    missing = set(Text.registry) - {c for c, *_ in found}
    if missing:
        raise SystemExit(f"entries Babel cannot see (not written as Text(...) literals): {', '.join(sorted(missing))}")
    return found


def help_entries() -> list[str]:
    from briefgen.cli import main
    from briefgen.clihelp import help_texts

    return sorted(set(help_texts(main)))


def click_entries() -> list[tuple[object, str]]:
    """Click's own texts: (id or (singular, plural), where)."""
    import click

    found = []
    for path in sorted(Path(click.__file__).parent.glob("*.py")):
        if path.name in ("testing.py", "_winconsole.py", "_compat.py"):
            continue
        for lineno, message, _c, context in extract_from_file("python", path):
            if context is None:
                found.append((message, f"click/{path.name}:{lineno}"))
    return found


def build_catalog(old: Catalog | None) -> Catalog:
    cat = Catalog(locale="zh_CN", domain="briefgen", project="briefgen", version="", charset="utf-8",
                  creation_date=FIXED_DATE, revision_date=FIXED_DATE, fuzzy=False,
                  msgid_bugs_address="", last_translator="briefgen", language_team="zh_CN")
    for code, english, chinese, where in coded_entries():
        cat.add(english, chinese, locations=[(where.split(":")[0], int(where.split(":")[1]))], context=code)

    def kept(msgid):
        if old is None:
            return "" if isinstance(msgid, str) else ("", "")
        m = old.get(msgid)
        if m is None or m.context is not None:
            return "" if isinstance(msgid, str) else ("", "")
        return m.string

    for text in help_entries():
        cat.add(text, kept(text), locations=[("src/briefgen/cli.py", 0)], flags=("help",))
    seen = {text for text in help_entries()}
    for msgid, where in click_entries():
        key = msgid if isinstance(msgid, str) else msgid[0]
        if key in seen:
            continue
        seen.add(key)
        cat.add(msgid, kept(key), locations=[(where.split(":")[0], int(where.split(":")[1]))], flags=("click",))
    return cat


def missing_translations(cat: Catalog) -> list[str]:
    out = []
    for m in cat:
        if not m.id:
            continue
        strings = m.string if isinstance(m.string, (tuple, list)) else (m.string,)
        if not all(strings):
            out.append(f"{m.context or '(no code)'}: {m.id if isinstance(m.id, str) else m.id[0]}")
    return out


def rendered(cat: Catalog) -> tuple[bytes, bytes]:
    po, mo = io.BytesIO(), io.BytesIO()
    write_po(po, cat, width=0, sort_output=True, include_lineno=False)
    write_mo(mo, cat, use_fuzzy=False)
    return po.getvalue(), mo.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when stale or untranslated")
    args = parser.parse_args(argv)
    old = None
    if PO.exists():
        with PO.open("rb") as f:
            old = read_po(f)
    cat = build_catalog(old)
    po, mo = rendered(cat)
    untranslated = missing_translations(cat)
    if args.check:
        stale = [p.name for p, data in ((PO, po), (MO, mo)) if not p.exists() or p.read_bytes() != data]
        for line in untranslated:
            print(f"untranslated: {line}")
        if stale:
            print(f"stale: {', '.join(stale)}: run `make messages`")
        return 1 if stale or untranslated else 0
    PO.parent.mkdir(parents=True, exist_ok=True)
    PO.write_bytes(po)
    MO.write_bytes(mo)
    print(f"wrote {PO.relative_to(ROOT)} ({sum(1 for m in cat if m.id)} texts, {len(untranslated)} untranslated) and {MO.name}")
    for line in untranslated[:20]:
        print(f"untranslated: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
