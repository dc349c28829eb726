"""Benchmark (``make bench``): briefgen's speed beside peers run in the same invocation. Not a test.

Figures, each the median of several runs on this machine:

1. cold ``briefgen build`` of the sample pack (2 documents x DOCX+PDF), as a whole process;
2. warm, in one process: one brief (one document, DOCX+PDF) of the sample pack, summary and tasks alike;
3. ``briefgen batch`` of 100 synthetic departments (DOCX+PDF each, every core): wall time, and the peak
   memory (max RSS) of the largest process of the batch.

Each figure is printed beside a peer doing comparable work in the same invocation, as a ratio
(briefgen / peer; below 1 means briefgen is faster): Typst (the ``typst`` package, ``typst.compile``)
setting a comparable PDF page, and docxtpl rendering a comparable DOCX. A peer that is not installed
(``pip install -e '.[bench]'``) is said and left out. Then where the time goes: a cProfile summary of the
warm road by stage (template, markup, fonts, pdf layout, docx, zip).

Goals (a 2-core machine): cold build <= 0.30 s; warm <= 30 ms a brief (both formats); 100 briefs <= 1.5 s wall;
largest process <= 150 MB. The goals are printed here, never asserted in tests.

    python tools/bench.py [--quick]     # --quick: fewer runs (a smoke run, e.g. in tests)
    python tools/bench.py --catalog [--briefs N]   # only the archive catalogue (see catalog_bench)
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "qianjiang-2022-h1.yaml"
DEPARTMENTS = 100
GOALS = {"cold": 0.30, "warm": 0.030, "batch": 1.5, "rss": 150.0, "track": 2.0}
TRACK_TASKS = 200


def _synth():
    """tests/synth.py, imported by path (the tests folder is not a package)."""
    spec = importlib.util.spec_from_file_location("briefgen_bench_synth", ROOT / "tests" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _briefgen() -> list[str]:
    exe = Path(sys.executable).with_name("briefgen")
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "import sys; from briefgen.cli import main; sys.argv[0] = 'briefgen'; main()"]


def _median_wall(cmd: list[str], runs: int, cwd: Path | None = None, cpu: list[float] | None = None) -> float:
    """The median wall time of ``runs`` runs of ``cmd``; ``cpu`` (a list) gets each run's CPU time (user + system of
    the process and its children), the figure a machine shared with other work does not inflate much."""
    import resource

    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=cwd)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if cpu is not None:
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)


# A tiny wrapper: runs a command, prints the wall time and the largest max RSS of the processes it waited for
# (the command and, through it, its pool workers), so each measurement has a process tree of its own.
_MEASURE = textwrap.dedent("""
    import resource, subprocess, sys, time
    start = time.perf_counter()
    subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    rss = use.ru_maxrss
    print(wall, rss / 1024 if sys.platform != "darwin" else rss / 1048576, use.ru_utime + use.ru_stime)
""")


def _wall_and_rss(cmd: list[str], runs: int) -> tuple[float, float, float]:
    """Median wall seconds, largest max RSS (MB) and median CPU seconds (user + system, every process) of ``cmd``."""
    walls, rss, cpus = [], [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], check=True, capture_output=True, text=True).stdout
        w, r, c = out.split()
        walls.append(float(w))
        rss.append(float(r))
        cpus.append(float(c))
    return statistics.median(walls), max(rss), statistics.median(cpus)


# ----------------------------------------------------------------------------------------------- peers

_PEER_SCRIPT = textwrap.dedent('''
    """The peer's work, run as its own process by tools/bench.py: Typst PDF pages and docxtpl DOCX files."""
    import json, os, sys, time
    from concurrent.futures import ProcessPoolExecutor

    HAVE_TYPST = HAVE_DOCXTPL = True
    try:
        import typst
    except ImportError:
        HAVE_TYPST = False
    try:
        import docxtpl
    except ImportError:
        HAVE_DOCXTPL = False
    FONTS = sys.argv[3]
    TEMPLATE_DOCX = sys.argv[4]

    def esc(s):
        return "".join("\\\\" + c if c in "\\\\#*_`$<>@[]=-+/~" else c for c in s)

    def typst_source(brief):
        rows = "".join(f"[{esc(t['title'])}], [{esc(t['detail'])}], [{esc(t['due'])}], [{esc(', '.join(t['support']))}],\\n"
                       for t in brief["tasks"])
        return f"""#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm), numbering: "— 1 —")
    #set text(font: ("Noto Serif SC", "Noto Sans SC"), size: 16pt, lang: "zh")
    #set par(justify: true, first-line-indent: 2em, leading: 12pt)
    #align(center, text(size: 22pt, font: "Noto Sans SC")[{esc(brief['title'])}])
    #align(center)[{esc(brief['issuer'])}　{esc(brief['date'])}]
    {esc(brief['intro'])}
    #text(size: 12pt, table(columns: (3fr, 6fr, 2fr, 3fr), table.header([任务], [内容], [时限], [配合单位]),
    {rows}))
    """.encode("utf-8")

    def docx_brief(brief, out):
        doc = docxtpl.DocxTemplate(TEMPLATE_DOCX)
        doc.render(brief)
        doc.save(out)

    def one(args):
        brief, out_dir, i = args
        if HAVE_TYPST:
            with open(os.path.join(out_dir, f"{i}.pdf"), "wb") as f:
                f.write(typst.compile(typst_source(brief), font_paths=[FONTS]))
        if HAVE_DOCXTPL:
            docx_brief(brief, os.path.join(out_dir, f"{i}.docx"))
        return i

    def main():
        mode, data = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
        out_dir = sys.argv[5]
        briefs = data["briefs"]
        if mode == "cold":  # as `briefgen build` of the sample: two documents, both formats
            for i, b in enumerate(briefs[:2]):
                one((b, out_dir, i))
        elif mode == "batch":
            with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
                list(pool.map(one, [(b, out_dir, i) for i, b in enumerate(briefs)], chunksize=4))
        elif mode == "warm":
            one((briefs[0], out_dir, 0))
            runs = int(sys.argv[6])
            result = {}
            for kind in ("typst", "docxtpl"):
                if (kind == "typst" and not HAVE_TYPST) or (kind == "docxtpl" and not HAVE_DOCXTPL):
                    continue
                times = []
                for r in range(runs):
                    b = briefs[r % len(briefs)]
                    start = time.perf_counter()
                    if kind == "typst":
                        typst.compile(typst_source(b), font_paths=[FONTS])
                    else:
                        docx_brief(b, os.path.join(out_dir, "w.docx"))
                    times.append(time.perf_counter() - start)
                result[kind] = sorted(times)[len(times) // 2]
            print(json.dumps(result))
        print(json.dumps({"typst": HAVE_TYPST, "docxtpl": HAVE_DOCXTPL}), file=sys.stderr)

    if __name__ == "__main__":
        main()
''')


def _peer_available() -> dict[str, bool]:
    return {name: importlib.util.find_spec(name) is not None for name in ("typst", "docxtpl")}


def _peer_briefs(data: dict) -> list[dict]:
    """The department briefs' content as plain data, for the peers' templates."""
    depts = [d["name"] for d in data["departments"]]
    tasks = [t for s in data["plan"]["sections"] for t in s["tasks"]]
    out = []
    for name in depts:
        mine = [t for t in tasks if t["lead"] == name or name in t.get("support", [])]
        out.append({
            "title": f"{name}2022年下半年重点工作任务清单", "issuer": data.get("issuer", "") or "", "date": "2022年7月29日",
            "intro": f"现将{name}下半年牵头负责和配合推进的{len(mine)}项任务列出如下，请抓好落实。",
            "tasks": [{"title": t["title"], "detail": t["detail"], "due": t["due"], "support": list(t.get("support", []))}
                      for t in mine],
        })
    return out


def _docx_template(path: Path) -> None:
    """A docxtpl template comparable to the department brief: title, header line, intro, a task table."""
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.add_paragraph("{{ title }}").runs[0].font.size = Pt(22)
    d.add_paragraph("{{ issuer }}　{{ date }}")
    d.add_paragraph("{{ intro }}")
    table = d.add_table(rows=3, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("任务", "内容", "时限", "配合单位")):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for t in tasks %}"
    for cell, text in zip(table.rows[2].cells, ("{{ t.title }}", "{{ t.detail }}", "{{ t.due }}", "{{ t.support|join('、') }}")):
        cell.text = text
    row = table.add_row()
    row.cells[0].text = "{%tr endfor %}"
    d.save(str(path))


# ------------------------------------------------------------------------------------------ briefgen

def _sample_documents():
    from briefgen.compose import load_report, make_document
    from briefgen.theme import load_theme

    report, _ = load_report(SAMPLE)
    return report, load_theme("official"), make_document


def _warm_briefgen(runs: int, clock=time.perf_counter) -> dict[str, float]:
    """Median seconds of one brief (template -> IR -> DOCX+PDF bytes) of the sample pack, warm, in this process
    (``clock``: time.process_time for the CPU seconds, which other work on a shared machine disturbs less)."""
    from briefgen.render import render_document

    report, theme, make_document = _sample_documents()

    def brief(template: str) -> None:
        doc, _ = make_document(report, template)
        render_document(doc, theme, ("docx", "pdf"))

    for template in ("summary", "tasks"):
        brief(template)  # warm-up: imports, fonts, templates, skeletons
    out = {}
    for template in ("summary", "tasks"):
        times = []
        for _ in range(runs):
            start = clock()
            brief(template)
            times.append(clock() - start)
        out[template] = statistics.median(times)
    return out


STAGES = (  # (stage, file suffix, function): cumulative time of these entry points
    ("template", "briefgen/compose/templates.py", "render"),
    ("markup", "briefgen/compose/markup.py", "parse"),
    ("fonts", "briefgen/fonts/fontset.py", "shared_fontset"),
    ("pdf layout", "briefgen/render/pdf/__init__.py", "layout_pdf"),
    ("fit: content heights", "briefgen/render/pdf/__init__.py", "content_height"),
    ("docx", "briefgen/render/docx/__init__.py", "docx_bytes"),
    ("zip", "briefgen/render/docx/package.py", "write_package"),
)


def _profile(runs: int, many: dict) -> tuple[float, dict[str, float]]:
    """cProfile of the warm road (the sample pack and department briefs): total and seconds by stage."""
    import cProfile
    import pstats

    from briefgen.jobs.batch import departments, report_slice
    from briefgen.model.validate import validate
    from briefgen.render import render_document

    report, theme, make_document = _sample_documents()
    dreport = validate(many, {})
    units = [d for d in departments(dreport) if d.lead_tasks or d.support_tasks][:20]
    jobs = [(report, t, None) for t in ("summary", "tasks")] + [(report_slice(dreport, d), "department", d) for d in units]

    def road():
        for rep, template, dept in jobs:
            doc, _ = make_document(rep, template, (), None, {"department": dept} if dept else None)
            render_document(doc, theme, ("docx", "pdf"))

    road()
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(runs):
        road()
    prof.disable()
    stats = pstats.Stats(prof).stats
    total = sum(tt for (_, _, _), (_, _, tt, _, _) in stats.items())
    by = {}
    for stage, suffix, func in STAGES:
        for (file, _, name), (_, _, _, ct, _) in stats.items():
            if name == func and file.replace(os.sep, "/").endswith(suffix):
                by[stage] = by.get(stage, 0.0) + ct
    by["docx"] = by.get("docx", 0.0) - by.get("zip", 0.0)  # docx_bytes includes the zip
    by["other (road glue, IR, jobs)"] = max(0.0, total - sum(by.values()))
    return total, by


# ----------------------------------------------------------------------------------------------- main

def _ratio(ours: float, peer: float | None) -> str:
    return f"{ours / peer:5.2f}x" if peer else "  n/a"


def _track_inputs(folder: Path, n: int = TRACK_TASKS) -> tuple[Path, Path]:
    """A plan of ``n`` tasks over 8 units (deadlines from 8-31 to 12-31 and ongoing work) and one consolidated progress
    table for it, as `briefgen track report` reads them (issue 17)."""
    import random

    import yaml
    from openpyxl import Workbook

    rng = random.Random(17)
    units = [f"第{i}办公室" for i in range(1, 9)]
    dues = ["2022年8月底前", "2022年9月底前", "2022年10月底前", "2022年11月底前", "年底前", "长期坚持", "常态化"]
    states = ["推进中"] * 6 + ["已完成", "受阻", "未启动"]
    sections, rows = {u: [] for u in units}, []
    for i in range(1, n + 1):
        unit = units[i % len(units)]
        title = f"推进第{i}项重点工作任务落实"
        sections[unit].append({"id": str(i), "title": title, "lead": unit, "due": rng.choice(dues), "flagged": i % 40 == 0})
        if rng.random() < 0.93:
            state = rng.choice(states)
            pct = 100 if state == "已完成" else 0 if state == "未启动" else rng.randrange(5, 100, 5)
            rows.append([i, title, unit, "已按计划推进", pct, state, "资金未到位" if state == "受阻" else "", "加快推进",
                         "验收材料" if state == "已完成" and i % 3 else ""])
    data = {"report": {"title": "2022年上半年工作总结和下半年工作思路", "issuer": "某某街道", "date": "2022-07-29",
                       "period": "2022年1—6月", "year": 2022},
            "plan": {"period": "下半年", "sections": [{"title": u, "tasks": t} for u, t in sections.items()]}}
    plan = folder / "track-plan.yaml"
    plan.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "工作任务", "牵头单位", "目前进展", "完成进度", "状态", "存在问题", "下步措施", "佐证材料"])
    for r in rows:
        ws.append(r)
    progress = folder / "track-progress.xlsx"
    wb.save(progress)
    return plan, progress


def _track_bench(tmp: Path, runs: int) -> tuple[float, float, float]:
    """200 tasks -> 通报 + 催办单 + 台账 (DOCX+PDF, xlsx): the whole `briefgen track report` process (median wall and
    median CPU time), and the same job warm in this process."""
    plan, progress = _track_inputs(tmp)
    cmd = [*_briefgen(), "track", "report", str(plan), "--progress", str(progress), "--as-of", "2022-09-30",
           "--out", str(tmp / "track"), "--force"]
    subprocess.run(cmd, check=True, capture_output=True)  # warm-up: font cache, compiled templates
    cpu: list[float] = []
    cold = _median_wall(cmd, runs, cpu=cpu)
    sys.path.insert(0, str(ROOT / "src"))
    import briefgen
    from briefgen.track.job import parse_as_of, report

    settings = briefgen.load_settings({"data": plan, "out": tmp / "track-warm", "force": True})
    report(settings, [progress], parse_as_of("2022-09-30"))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        report(settings, [progress], parse_as_of("2022-09-30"))
        times.append(time.perf_counter() - start)
    return cold, statistics.median(cpu), statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs (a smoke run)")
    ap.add_argument("--catalog", action="store_true", help="only the archive catalogue benchmark")
    ap.add_argument("--briefs", type=int, default=CATALOG_BRIEFS, help="briefs in the synthetic archive (--catalog)")
    ap.add_argument("--track", action="store_true", help=f"only the follow-up figure: {TRACK_TASKS} tasks -> 通报 + 催办单 + 台账")
    args = ap.parse_args(argv)
    if args.catalog:
        return catalog_bench(args.briefs)
    if args.track:
        with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as tmp:
            cold, cpu, warm = _track_bench(Path(tmp), 2 if args.quick else 5)
        print(f"track report, {TRACK_TASKS} tasks -> 通报 + 催办单 + 台账: process {cold:.3f} s wall, {cpu:.3f} s CPU, "
              f"warm {warm:.3f} s (goal {GOALS['track']:g} s; load average {os.getloadavg()[0]:.1f})")
        return 0
    cold_runs, warm_runs, batch_runs, n = (2, 3, 1, 10) if args.quick else (7, 15, 3, DEPARTMENTS)
    # the measured processes run as an installed briefgen does, from .pyc files (pip writes them at install; the
    # warm-up run writes them for a source tree): a PYTHONDONTWRITEBYTECODE in the environment would make every
    # cold run compile briefgen's sources again (~0.1-0.2 s)
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        print("note: PYTHONDONTWRITEBYTECODE is set here; the measured runs go without it (.pyc files written)")

    import json

    import yaml

    have = _peer_available()
    for name, ok in have.items():
        if not ok:
            print(f"peer {name}: not installed (pip install -e '.[bench]'); its figures are left out")
    bg = _briefgen()
    with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as tmp:
        tmp = Path(tmp)
        many = _synth().many_departments(n)
        data = tmp / "many.yaml"
        data.write_text(yaml.safe_dump(many, allow_unicode=True, sort_keys=False), encoding="utf-8")
        peer_data = tmp / "peer.json"
        peer_data.write_text(json.dumps({"briefs": _peer_briefs(many)}, ensure_ascii=False), encoding="utf-8")
        peer_script = tmp / "peer.py"
        peer_script.write_text(_PEER_SCRIPT, encoding="utf-8")
        template_docx = tmp / "brief.docx"
        if have["docxtpl"]:
            _docx_template(template_docx)
        fonts_dir = ""
        try:
            import pylopdf_fonts_zh_cn as bundled

            fonts_dir = str(Path(bundled.serif_path()).parent)
        except ImportError:
            pass
        any_peer = any(have.values())

        def peer_cmd(mode: str, out: Path, *extra: str) -> list[str]:
            out.mkdir(exist_ok=True)
            return [sys.executable, str(peer_script), mode, str(peer_data), fonts_dir, str(template_docx), str(out), *extra]

        print(f"briefgen benchmark on {os.cpu_count()} core(s); peers: "
              + (", ".join(k for k, v in have.items() if v) or "none") + "\n")

        # 1. cold build
        cmd = [*bg, "build", str(SAMPLE), "--out", str(tmp / "cold")]
        subprocess.run(cmd, check=True, capture_output=True)  # warm-up: font cache, .pyc files, compiled templates
        cold = _median_wall(cmd, cold_runs)
        cold_cpu = _wall_and_rss(cmd, cold_runs)[2]
        peer_cold = None
        if any_peer:
            pc = peer_cmd("cold", tmp / "peer-cold")
            subprocess.run(pc, check=True, capture_output=True)
            peer_cold = _median_wall(pc, cold_runs)

        # 2. warm per brief
        warm = _warm_briefgen(warm_runs)
        warm_brief = statistics.mean(warm.values())
        warm_cpu = _warm_briefgen(warm_runs, time.process_time)
        peer_warm = None
        if any_peer:
            out = subprocess.run(peer_cmd("warm", tmp / "peer-warm", str(warm_runs)), check=True, capture_output=True,
                                 text=True).stdout
            parts = json.loads(out.strip().splitlines()[-1])
            peer_warm = sum(parts.values()) if parts else None

        # 3. batch
        bcmd = [*bg, "batch", str(data), "--out", str(tmp / "batch"), "--force"]
        subprocess.run(bcmd, check=True, capture_output=True)  # warm-up
        batch_wall, batch_rss, batch_cpu = _wall_and_rss(bcmd, batch_runs)
        peer_batch = peer_rss = None
        if any_peer:
            peer_batch, peer_rss, _ = _wall_and_rss(peer_cmd("batch", tmp / "peer-batch"), batch_runs)

        peer_name = " + ".join(k for k, v in have.items() if v) or "no peer"
        print(f"{'':34s} {'briefgen':>10s} {'goal':>8s} {peer_name:>16s} {'ratio':>7s}")
        rows = [
            ("cold build, sample pack (s)", cold, GOALS["cold"], peer_cold),
            ("warm, one brief DOCX+PDF (ms)", warm_brief * 1000, GOALS["warm"] * 1000, peer_warm * 1000 if peer_warm else None),
            (f"batch, {n} briefs, wall (s)", batch_wall, GOALS["batch"] if n == DEPARTMENTS else None, peer_batch),
            ("batch, largest process (MB)", batch_rss, GOALS["rss"], peer_rss),
        ]
        for label, ours, goal, peer in rows:
            goal_s = f"{goal:8.3g}" if goal is not None else f"{'':8s}"
            peer_s = f"{peer:16.3f}" if peer is not None else f"{'n/a':>16s}"
            print(f"{label:34s} {ours:10.3f} {goal_s} {peer_s} {_ratio(ours, peer):>7s}")
        print(f"  (warm: summary {warm['summary'] * 1000:.1f} ms, tasks {warm['tasks'] * 1000:.1f} ms; ratio = briefgen / peer)")
        # CPU seconds: what to compare when other work shares the machine (wall time then waits for the cores)
        print(f"  CPU (user + system, every process): cold build {cold_cpu:.3f} s; warm brief "
              f"{statistics.mean(warm_cpu.values()) * 1000:.1f} ms (summary {warm_cpu['summary'] * 1000:.1f}, "
              f"tasks {warm_cpu['tasks'] * 1000:.1f}); batch of {n} {batch_cpu:.2f} s "
              f"(a {os.cpu_count()}-core wall floor of {batch_cpu / (os.cpu_count() or 1):.2f} s); "
              f"load average {os.getloadavg()[0]:.1f}")
        track_cold, track_cpu, track_warm = _track_bench(tmp, 2 if args.quick else 5)
        print(f"{'track report, ' + str(TRACK_TASKS) + ' tasks (s)':34s} {track_cold:10.3f} {GOALS['track']:8.3g}"
              f"   (whole process; {track_cpu:.3f} s CPU; warm in one process {track_warm:.3f} s)")

        # 4. where the time goes
        total, by = _profile(1 if args.quick else 3, many)
        print(f"\nwhere the time goes (cProfile of the warm road: sample pack + 20 department briefs, {total:.2f} s profiled):")
        for stage, seconds in sorted(by.items(), key=lambda kv: -kv[1]):
            print(f"  {stage:30s} {seconds:7.3f} s  {100 * seconds / total:5.1f} %")
    return 0


# ---- the archive catalogue (python tools/bench.py --catalog) --------------------------------------------------------

CATALOG_BRIEFS = 20_000
CATALOG_GOALS = {"long": 10.0, "short": 20.0}  # p95 search latency, ms: 3+ characters, 1-2 characters


def _catalog_texts(briefs: int, seed: int = 7):
    """Synthetic archive folders of ``briefs`` briefs (100 a folder, as a batch writes them), two pages each, made of
    the sample report's own sentences recombined with departments, years and figures: no rendering."""
    import random

    import yaml

    from briefgen.catalog.index import Data, Doc, Folder
    from briefgen.catalog.names import merged
    from briefgen.catalog.text import normalise

    rng = random.Random(seed)
    sample = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    sentences = []
    for section in sample["review"]["sections"]:
        sentences += [p.get("text", "") for p in section.get("points", [])] + [section.get("intro", "")]
    for section in sample["plan"]["sections"]:
        sentences += [t.get("detail", "") for t in section["tasks"]] + [t["title"] for t in section["tasks"]]
    sentences = [x for s in sentences for x in s.replace("；", "。").split("。") if len(x) > 6]
    units = _synth().many_departments(60)["departments"]
    indicators = [i["name"] for i in sample["indicators"]]
    folders = []
    for f in range(max(1, briefs // 100)):
        year = 2010 + f % 15
        docs = []
        for b in range(min(100, briefs - 100 * f)):
            unit = units[(f * 100 + b) % len(units)]["name"]
            pages = []
            for _ in range(2):
                parts = [f"{unit}{year}年工作简报"]
                while sum(map(len, parts)) < 1100:
                    parts.append(rng.choice(sentences) + "。")
                    if rng.random() < 0.2:
                        parts.append(f"{rng.choice(indicators)}{rng.randint(1, 9999) / 10}亿元，同比增长{rng.randint(-50, 300) / 10}%。")
                pages.append(normalise("".join(parts)))
            docs.append(Doc(f"{year}_{unit}_{b}.pdf", f"{f:08x}{b:056x}", 50_000, "pdf", "department", unit, pages))
        figures = [{"name": n, "merged": merged(n), "value": str(rng.randint(1, 999) / 10), "unit": "亿元",
                    "yoy": str(rng.randint(-50, 300) / 10), "estimate": 0} for n in indicators]
        data = Data(f"{f:064x}", f"/archive/{year}/data-{f}.yaml",
                    {"title": f"前江街道{year}年工作总结", "issuer": "前江街道", "date": f"{year}-07-29",
                     "period": f"{year}年1—6月", "year": year}, figures, [])
        folders.append(Folder(Path(f"/archive/{year}/run-{f}"), f"{f:064x}", docs, data))
    return folders


def catalog_bench(briefs: int = CATALOG_BRIEFS) -> int:
    """Index a synthetic archive of ``briefs`` briefs (their texts inserted directly), then time searches.

    Prints the indexing rate, the file size, and the p95 latency of `briefgen catalog search` (the library call
    the command makes: 20 results with snippets) for 3+ and 1-2 character queries, with and without a --year
    filter; recall is each query's page set from the index against a plain scan (instr) of every page."""
    import random

    from briefgen import catalog

    rng = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="briefgen-catalog-bench-") as tmp:
        folders = _catalog_texts(briefs)
        pages = sum(len(d.pages) for f in folders for d in f.docs)
        chars = sum(len(p) for f in folders for d in f.docs for p in d.pages)
        db = Path(tmp) / "catalog.sqlite"
        con = catalog.open(db)
        start = time.perf_counter()
        for i in range(0, len(folders), 10):
            catalog.add(con, folders[i:i + 10])
        took = time.perf_counter() - start
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = db.stat().st_size
        print(f"catalogue benchmark: {briefs:,} briefs, {pages:,} pages, {chars / 1e6:.1f} M characters")
        print(f"  indexing: {took:.1f} s, {briefs / took:,.0f} briefs/s ({pages / took:,.0f} pages/s); "
              f"file {size / 1e6:.0f} MB ({size / briefs / 1024:.1f} KB a brief)")
        texts = [p for f in folders for d in f.docs for p in d.pages]
        queries: dict[str, list[str]] = {"3+": [], "1-2": []}
        while len(queries["3+"]) < 150:
            t = rng.choice(texts)
            n = rng.choice((3, 4, 5, 6, 8))
            i = rng.randrange(len(t) - n)
            queries["3+"].append(t[i:i + n])
        while len(queries["1-2"]) < 150:
            t = rng.choice(texts)
            n = rng.choice((1, 2))
            i = rng.randrange(len(t) - n)
            if all(ch.isalnum() for ch in t[i:i + n]):
                queries["1-2"].append(t[i:i + n])
        queries["3+"] += ["不存在的词组", "营商环境优化提升", "规模以上工业"]
        queries["1-2"] += ["鑫", "囧", "乡镇"]
        print(f"  {'queries':26s} {'n':>4s} {'p50 ms':>8s} {'p95 ms':>8s} {'goal':>6s} {'recall':>8s}")
        for kind, qs in queries.items():
            for label, year in (("", None), (" --year 2015", 2015)):
                for q in qs:  # a first pass reads the file into the page cache, as an office's daily use does
                    catalog.search(con, q, year=year)
                times = []
                for q in qs:  # each query's median of 3 (the machine is shared: one run may wait for a core)
                    runs = []
                    for _ in range(3):
                        t0 = time.perf_counter()
                        catalog.search(con, q, year=year)
                        runs.append((time.perf_counter() - t0) * 1000)
                    times.append(sorted(runs)[1])
                times.sort()
                p50, p95 = times[len(times) // 2], times[int(len(times) * 0.95) - 1]
                recall = ""
                if not label:
                    found = wanted = 0
                    for q in qs:
                        scan = {r[0] for r in con.execute("SELECT id FROM pages WHERE instr(lower(text), lower(?)) > 0", (q,))}
                        got = catalog.search_ids(con, q)
                        found += len(scan & got)
                        wanted += len(scan)
                        assert got <= scan, q
                    recall = f"{100 * found / max(wanted, 1):.1f} %"
                goal = f"{CATALOG_GOALS['long' if kind == '3+' else 'short']:6.0f}" if not label else f"{'':6s}"
                print(f"  {kind + ' characters' + label:26s} {len(qs):4d} {p50:8.2f} {p95:8.2f} {goal} {recall:>8s}")
        con.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
