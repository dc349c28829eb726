"""Theme files (TOML or YAML) -> a validated Theme: page, sizes, fonts per role, page numbers, marks.

A theme may ``extends`` another (a built-in name or a file); its tables are merged key by key over
the parent's. Built-ins live in ``briefgen/themes``; ``--theme path/to/theme.toml`` loads a user's.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ThemeError

BUILTIN_DIR = Path(__file__).parent / "themes"
MM = 72 / 25.4  # points per millimetre


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Page(_Part):
    width_mm: float = 210
    height_mm: float = 297
    margin_top_mm: float = 37
    margin_bottom_mm: float = 35
    margin_left_mm: float = 28
    margin_right_mm: float = 26

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def text_height_mm(self) -> float:
        return self.height_mm - self.margin_top_mm - self.margin_bottom_mm


class Body(_Part):
    size_pt: float = 16
    line_pitch_pt: float = 28.95
    indent_chars: float = 2
    table_size_pt: float = 12
    table_leading: float = 1.35
    caption_size_pt: float = 14
    min_size_pt: float = 12
    min_table_size_pt: float = 9


class TitleStyle(_Part):
    size_pt: float = 22
    space_after_lines: float = 1


class Headings(_Part):
    sizes_pt: list[float] = [16, 16, 16, 16]
    roles: list[str] = ["h1", "h2", "h3", "h4"]


class PageNumber(_Part):
    format: str = "— {n} —"
    size_pt: float = 14
    below_text_mm: float = 7
    position: Literal["outside", "center", "right", "none"] = "outside"
    inset_chars: float = 1


class Mark(_Part):
    text: str = ""
    size_pt: float = 12


class FontRole(_Part):
    """How one role (title, body, h1 …) is set: the name a DOCX carries and where the PDF finds a file."""

    docx: str
    latin: str = "Times New Roman"
    file: str | None = Field(default=None, description="an explicit font file for the PDF (.ttf, .ttc, .otf)")
    index: int = Field(default=0, description="the face in a .ttc collection")
    system: list[str] = []
    bundled: Literal["serif", "sans"] = "serif"
    fake_bold: bool = False


class Theme(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    description: str = ""
    extends: str | None = None
    page: Page = Page()
    body: Body = Body()
    title: TitleStyle = TitleStyle()
    headings: Headings = Headings()
    page_number: PageNumber = PageNumber()
    mark: Mark = Mark()
    fonts: dict[str, FontRole]
    source: str = ""

    def font(self, role: str) -> FontRole:
        return self.fonts.get(role) or self.fonts["body"]


def builtin_names() -> list[str]:
    return sorted(p.stem for p in BUILTIN_DIR.glob("*.toml"))


def _read(path: Path) -> dict[str, Any]:
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        else:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        raise ThemeError(f"{path}: invalid theme file: {exc}") from None
    except OSError as exc:
        raise ThemeError(f"{path}: cannot read theme file: {exc.strerror}") from None
    if not isinstance(data, dict):
        raise ThemeError(f"{path}: a theme file must hold a table of settings")
    return data


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _locate(name_or_path: str, relative_to: Path | None = None) -> Path:
    candidate = Path(name_or_path)
    if candidate.suffix.lower() in (".toml", ".yaml", ".yml"):
        if not candidate.is_absolute() and relative_to is not None and (relative_to / candidate).is_file():
            return relative_to / candidate
        if candidate.is_file():
            return candidate
        raise ThemeError(f"{name_or_path}: theme file not found")
    builtin = BUILTIN_DIR / f"{name_or_path}.toml"
    if builtin.is_file():
        return builtin
    raise ThemeError(f"unknown theme {name_or_path!r}; built-in themes: {', '.join(builtin_names())}, or give a .toml/.yaml file")


def _raw(name_or_path: str, relative_to: Path | None, seen: tuple[Path, ...]) -> tuple[dict, Path]:
    path = _locate(name_or_path, relative_to).resolve()
    if path in seen:
        raise ThemeError(f"{path}: theme extends itself (through {' -> '.join(p.name for p in seen)})")
    data = _read(path)
    parent = data.get("extends")
    if parent:
        base, _ = _raw(str(parent), path.parent, seen + (path,))
        data = _merge(base, data)
    return data, path


_cache: dict[str, Theme] = {}


def load_theme(name_or_path: str = "official") -> Theme:
    """A built-in theme by name, or a theme file by path, with its ``extends`` chain merged."""
    if name_or_path in _cache:
        return _cache[name_or_path]
    data, path = _raw(name_or_path, None, ())
    data.setdefault("name", path.stem)
    data["source"] = str(path)
    try:
        theme = Theme.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        field = ".".join(str(p) for p in err["loc"])
        raise ThemeError(f"{path}: {field}: {err['msg']}") from None
    if "body" not in theme.fonts:
        raise ThemeError(f"{path}: fonts.body: a theme must define the body font role")
    _cache[name_or_path] = theme
    return theme
