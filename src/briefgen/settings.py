"""Everything a build can be told, in one typed model, merged in one place.

In: the built-in defaults, then ``briefgen.toml`` of the working folder (whenever it is there, also when a data
file is named on the command line), then the command-line options. Out: one ``Settings`` and the notes about
settings that were given but have no effect (``Settings.ignored``), which the CLI prints.

Paths in ``briefgen.toml`` are relative to its folder; paths on the command line to the working folder.
``load_settings`` is the only function that merges; the jobs (build, batch, pack) take a Settings and nothing else.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import messages as M
from .errors import DataError, Location, Problem
from .i18n import normalize
from .load.text import decode_text
from .model.report import check_title

CONFIG_NAME = "briefgen.toml"
FORMATS: tuple[str, ...] = ("docx", "pdf")
DEFAULT_TEMPLATES: tuple[str, ...] = ("summary", "tasks")

# File name patterns; the fields are those of ``jobs.names.NameFields``.
BUILD_NAMES = "{issuer}_{document}_{date}"
BATCH_NAMES = "{date}_{issuer}_{department}_{document}"


class PackSettings(BaseModel):
    """The meeting handout pack (`briefgen pack`, the [pack] table of briefgen.toml)."""
    model_config = ConfigDict(extra="forbid", frozen=True)

    meeting: str | None = None
    """The meeting's name on the cover, e.g. 前江街道2022年下半年工作部署会 (default: from the report)."""
    date: str | None = None
    """The meeting's date as the cover prints it, e.g. 2022年7月29日 (default: the report's date)."""
    venue: str | None = None
    """Where the meeting is held, printed on the cover when given."""
    parts: tuple[str, ...] = ("review", "summary", "tasks")
    """The templates of the pack, in order: review, summary, tasks, or templates of your own."""
    mark: str | None = None
    """The cover's mark, e.g. 内部资料 注意保存."""
    number: int | None = Field(default=None, ge=1, le=999, strict=True)  # strict: `number = true` is no 1
    """材料之N on the cover, when the pack is one of several."""


class TrackSettings(BaseModel):
    """Following tasks up (`briefgen track`, the [track] table of briefgen.toml): the status rule and its thresholds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str = "序时进度"
    """The named status rule: 序时进度, 三色预警, 蓝黄红, 剩余时间 or 工期预警 (see the README)."""
    behind_points: float = Field(default=10, ge=0, le=100)
    """滞后 (yellow) when 完成进度 is below 序时进度 by more than this many points (序时进度, 蓝黄红)."""
    node_points: float = Field(default=0, ge=0, le=100)
    """A month's node is missed (red) when 完成进度 is below 序时进度 by more than this (三色预警)."""
    near_days: int = Field(default=15, ge=0, le=366)
    """临期 (blue) at most this many days before the deadline (蓝黄红); also who gets a 催办单 for a near deadline."""
    yellow_left: float = Field(default=30, ge=0, le=100)
    """黄色预警 with at most this per cent of the task's time left and no progress (剩余时间)."""
    orange_left: float = Field(default=15, ge=0, le=100)
    """橙色预警 with at most this per cent of the task's time left and no progress (剩余时间)."""
    late_yellow: int = Field(default=1, ge=1, le=366)
    """黄色预警 from this many days past the deadline (工期预警)."""
    late_orange: int = Field(default=8, ge=1, le=366)
    """橙色预警 from this many days past the deadline (工期预警)."""
    late_red: int = Field(default=15, ge=1, le=366)
    """逾期 (red) from this many days past the deadline (工期预警)."""
    return_day: int = Field(default=25, ge=1, le=31)
    """The day of the month by which units return their 进度表 (每月25日前报送)."""
    first_issue: int = Field(default=1, ge=1, le=999)
    """The 通报's issue number (第N期) of the first period kept in the output folder."""
    requirements: tuple[str, ...] = ()
    """The paragraphs of 四、工作要求 (default: the template's own)."""

    def thresholds(self) -> dict:
        return self.model_dump(include={"behind_points", "node_points", "near_days", "yellow_left", "orange_left",
                                        "late_yellow", "late_orange", "late_red"})


def _toml(kind, what, key: str | None = None) -> dict:
    """A field's place in briefgen.toml: the TOML type it is written as, what it holds in words (a catalogue
    entry), and its key when that differs from the field's name."""
    return {"toml": (kind, what, key)}


def _setting(default, kind, what, key: str | None = None):
    """A field that briefgen.toml may set (see ``_toml``)."""
    return Field(default=default, json_schema_extra=_toml(kind, what, key))


class Settings(BaseModel):
    """One build's settings. Every field can come from ``briefgen.toml`` (same name) or a command-line option."""
    model_config = ConfigDict(extra="forbid", frozen=True)

    data: Path | None = _setting(None, str, M.what_data)
    """The report data file (YAML or JSON): title, issuer, date, review, plan."""
    indicators: Path | None = _setting(None, str, M.what_indicators)
    """An indicator table (.xlsx or .csv) whose rows replace the data file's indicators."""
    tasks: Path | None = _setting(None, str, M.what_tasks)
    """A task table (.xlsx or .csv) whose rows replace the data file's plan sections."""
    columns: dict[str, str] = _setting({}, dict, M.what_columns)
    """Table headings briefgen knows -> the headings of your tables, e.g. {"工作任务": "任务内容"}."""
    templates: tuple[str, ...] = _setting(DEFAULT_TEMPLATES, list, M.what_templates)
    """The templates `build` makes, in order (summary, tasks, or a template of your own)."""
    formats: tuple[Literal["docx", "pdf"], ...] = _setting(FORMATS, list, M.what_formats)
    """The formats to write: docx, pdf or both."""
    theme: str = _setting("official", str, M.what_theme)
    """A built-in theme (official, handout) or a theme file."""
    template_dirs: tuple[Path, ...] = _setting((), (str, list), M.what_templates_dir, key="templates_dir")
    """Folders of templates searched before ./templates and the built-in ones."""
    reference_docx: Path | None = _setting(None, str, M.what_reference)
    """A Word file whose styles, page setup, header and footer the DOCX takes."""
    mark: str | None = _setting(None, str, M.what_mark)
    """A mark at the top left of every page, such as 内部资料 注意保存."""
    strict: bool = _setting(False, bool, M.what_bool)
    """Treat warnings as errors."""
    out: Path = _setting(Path("out"), str, M.what_out)
    """The output folder."""
    output: Path | None = None
    """One output file (`-o summary.pdf`): one template, the format from the suffix."""
    names: str | None = _setting(None, str, M.what_names)
    """The file-name pattern, e.g. "{issuer}_{document}_{date}" (build) or "{date}_{issuer}_{department}_{document}"
    (batch); fields: issuer, document, date, year, period, template, department."""
    archive: bool = _setting(False, bool, M.what_bool)
    """Archive-grade PDFs (PDF/A-2b) and a checksummed manifest.json."""
    force: bool = False
    """Rebuild outputs even when their inputs are unchanged."""
    preview: bool = _setting(False, bool, M.what_bool)
    """Also write PNG previews of the PDFs (a batch: one contact sheet)."""
    workers: int | None = Field(default=None, ge=1, le=64, json_schema_extra=_toml(int, M.what_workers))
    """Processes a batch uses (default: every core)."""
    pack: PackSettings = _setting(PackSettings(), dict, M.what_pack)
    """The handout pack: meeting name, date, venue, parts, mark, number."""
    track: TrackSettings = _setting(TrackSettings(), dict, M.what_track)
    """Following tasks up: the status rule, its thresholds, the return day, the issue number (`briefgen track`)."""
    titles: dict[str, str] = _setting({}, dict, M.what_titles)
    """A title per template ([titles] in briefgen.toml, --title TEMPLATE=TEXT), over the data's `titles:`; the key ""
    is the one document built (--title TEXT). Fields: {issuer} {year} {period} {plan} {department}."""
    catalog: Path | None = _setting(None, str, M.what_catalog)
    """The archive catalogue file of `briefgen catalog` (default: catalog.sqlite in the user's data folder)."""
    lang: Literal["zh", "en"] | None = _setting(None, str, M.what_lang)
    """The language of messages (`lang` in briefgen.toml; --lang overrides; default: the system's)."""
    ignored: tuple[Any, ...] = ()
    """Settings given that have no effect, said to the user (filled by load_settings)."""
    out_named: bool = True
    """False when neither --out nor `out` in briefgen.toml named the output folder (a batch then writes into out/部门简报)."""
    def name_pattern(self, batch: bool = False) -> str:
        return self.names or (BATCH_NAMES if batch else BUILD_NAMES)


# The keys briefgen.toml may hold, with what each must be (for one-line messages): declared on Settings' fields.
_TOML_KEYS: dict[str, tuple[type | tuple[type, ...], Any]] = {
    (extra["toml"][2] or name): extra["toml"][:2]
    for name, field in Settings.model_fields.items()
    if isinstance(extra := field.json_schema_extra, dict) and "toml" in extra
}
_PATH_KEYS = ("data", "indicators", "tasks", "out", "reference_docx", "catalog")


def _line_of(text: str, key: str) -> int | None:
    for n, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')\s*=", line):
            return n
    return None


def read_toml(folder: Path) -> dict[str, Any]:
    """``folder/briefgen.toml`` -> settings fields, checked (every problem at once, each with its line), with paths
    joined to ``folder``. An absent file gives {}."""
    path = Path(folder) / CONFIG_NAME
    if not path.is_file():
        return {}
    name = str(path)

    text = decode_text(path.read_bytes(), name)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        where = Location(name, int(m.group(1)), int(m.group(2))) if m else Location(name)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise DataError([Problem(where, "", M.invalid_toml(detail=message))]) from None

    problems: list[Problem] = []

    def here(key: str) -> Location:
        return Location(name, _line_of(text, key))

    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in _TOML_KEYS:
            near = difflib.get_close_matches(key, list(_TOML_KEYS), n=1, cutoff=0.75)
            problems.append(Problem(here(key), key, M.unknown_setting_near(near=near[0]) if near
                                    else M.unknown_setting(keys=", ".join(_TOML_KEYS))))
            continue
        kind, what = _TOML_KEYS[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            problems.append(Problem(here(key), key, M.setting_must_be(what=what)))
            continue
        bad = next((ch for ch in value if not ch.isprintable()), None) if isinstance(value, str) else None
        if bad is not None:  # ESC or NUL in a mark or a name would reach the documents as invalid markup
            problems.append(Problem(here(key), key, M.setting_control(code=f"{ord(bad):04X}")))
            continue
        if isinstance(value, str) and not value.strip():
            problems.append(Problem(here(key), key, M.setting_empty(what=what)))
            continue
        if key == "templates" and not all(isinstance(t, str) and t.strip() for t in value):
            problems.append(Problem(here(key), key, M.setting_template_list()))
            continue
        if key == "formats":
            bad = [f for f in value if f not in FORMATS]
            if bad or not value:
                problems.append(Problem(here(key), key, M.setting_unknown_format(value=repr(bad[0])) if bad else M.setting_no_format()))
                continue
        if key == "columns":
            bad_cols = [k for k, v in value.items() if not isinstance(v, str) or not v.strip()]
            if bad_cols:
                problems.append(Problem(here(key), f"columns.{bad_cols[0]}", M.setting_column()))
                continue
        if key == "lang":

            if normalize(value) is None:
                problems.append(Problem(here(key), key, M.setting_lang()))
                continue
            value = normalize(value)
        if key in _PATH_KEYS:
            value = Path(folder) / value
        elif key == "templates_dir":
            key, value = "template_dirs", tuple(Path(folder) / v for v in ([value] if isinstance(value, str) else value))
        elif key == "theme" and Path(value).suffix.lower() in (".toml", ".yaml", ".yml"):
            value = str(Path(folder) / value)
        elif key in ("templates", "formats"):
            value = tuple(value)
        elif key == "titles":

            bad = False
            for template, title in value.items():
                try:
                    check_title(title if isinstance(title, str) else "")
                except ValueError as exc:
                    problems.append(Problem(Location(name, _line_of(text, template)), f"titles.{template}", exc.args[0] if exc.args else str(exc)))
                    bad = True
            if bad:
                continue
        elif key == "pack":
            controls = [(k, next(ch for ch in v if not ch.isprintable())) for k, v in value.items()
                        if isinstance(v, str) and not v.isprintable()]
            for k, ch in controls:  # a bell or an escape in the cover's meeting name would reach the documents
                problems.append(Problem(here(k), f"pack.{k}", M.setting_control(code=f"{ord(ch):04X}")))
            if controls:
                continue
            try:
                value = PackSettings(**{k: tuple(v) if isinstance(v, list) else v for k, v in value.items()})
            except (ValidationError, TypeError) as exc:
                errors = exc.errors(include_url=False) if isinstance(exc, ValidationError) else [{"loc": (), "msg": str(exc)}]
                for err in errors:
                    field = ".".join(str(p) for p in err["loc"])
                    problems.append(Problem(here(field.split(".")[0] if field else "pack"), f"pack.{field}" if field else "pack",
                                            M.setting_invalid(detail=_pydantic_message(err))))
                continue
        elif key == "track":
            try:
                value = TrackSettings(**{k: tuple(v) if isinstance(v, list) else v for k, v in value.items()})
            except (ValidationError, TypeError) as exc:
                errors = exc.errors(include_url=False) if isinstance(exc, ValidationError) else [{"loc": (), "msg": str(exc)}]
                for err in errors:
                    field = ".".join(str(p) for p in err["loc"])
                    problems.append(Problem(here(field.split(".")[0] if field else "track"), f"track.{field}" if field else "track",
                                            M.setting_invalid(detail=_pydantic_message(err))))
                continue
        out[key] = value
    if problems:
        raise DataError(problems)
    return out


def load_settings(options: dict[str, Any] | None = None, folder: Path | None = None) -> Settings:
    """Defaults, then ``folder/briefgen.toml`` (the working folder by default), then ``options`` (command-line
    values; None means not given). Raises DataError naming the file and line of a bad setting."""
    folder = Path.cwd() if folder is None else Path(folder)
    fields: dict[str, Any] = read_toml(folder)
    ignored: list[str] = []
    given = {k: v for k, v in (options or {}).items() if v is not None and v != ()}
    if "titles" in given:  # --title adds to (and wins over) the titles of briefgen.toml
        given["titles"] = {**fields.get("titles", {}), **given["titles"]}
    fields.update(given)
    if fields.get("output") is not None:
        single = Path(fields["output"])
        suffix = single.suffix.lower().lstrip(".")
        if suffix not in FORMATS:
            raise DataError([Problem(Location("-o"), "output", M.output_suffix(path=single))])
        if "formats" in given and tuple(given["formats"]) != (suffix,):
            ignored.append(M.ignored_format(name=single.name, suffix=suffix))
        fields["formats"] = (suffix,)
        if "out" in given:
            ignored.append(M.ignored_out(path=single))
    if fields.get("reference_docx") is not None and "docx" not in fields.get("formats", FORMATS):
        ignored.append(M.ignored_reference())
    fields["ignored"] = tuple(ignored)
    fields["out_named"] = "out" in fields
    try:
        return Settings(**fields)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            key = ".".join(str(p) for p in err["loc"])
            problems.append(Problem(Location(CONFIG_NAME if key in fields and key not in given else "option"), key,
                                    M.setting_invalid(detail=_pydantic_message(err))))
        raise DataError(problems) from None


def _pydantic_message(err: dict) -> Any:
    """A pydantic error's message: briefgen's own Message where a validator raised one, else pydantic's words."""
    ctx_error = (err.get("ctx") or {}).get("error")
    if isinstance(ctx_error, ValueError) and ctx_error.args:
        return ctx_error.args[0]
    return err["msg"]
