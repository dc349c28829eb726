"""Synthetic report data with many departments, for batch tests and the benchmark (tools/bench.py)."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "qianjiang-2022-h1.yaml"
KINDS = ("办公室", "服务中心", "管理站", "工作组", "指挥部")
WORK = ("推进", "加快", "落实", "深化", "完善", "抓好")
FIELDS = ("产业招商", "城市更新", "社区治理", "安全生产", "民生保障", "生态环境", "数字改革", "文明创建")


def many_departments(n: int, tasks_each: int = 2) -> dict:
    """The sample report with ``n`` departments; each leads ``tasks_each`` tasks and supports others'."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    names = [f"{FIELDS[i % len(FIELDS)]}第{i + 1}{KINDS[i % len(KINDS)]}" for i in range(n)]
    sections = []
    for s in range(4):
        sections.append({"title": f"第{s + 1}板块重点工作", "tasks": []})
    k = 0
    for i, name in enumerate(names):
        for j in range(tasks_each):
            k += 1
            support = [names[(i + 1) % n], names[(i + 3) % n]] if n > 3 else []
            sections[k % 4]["tasks"].append({
                "title": f"{WORK[k % len(WORK)]}{FIELDS[(i + j) % len(FIELDS)]}任务{k}",
                "detail": f"围绕{FIELDS[(i + j) % len(FIELDS)]}目标，细化工作方案，明确时间节点，第{k}项任务确保按期完成并形成可复制的经验做法。",
                "lead": name, "support": support, "due": f"2022年{9 + k % 4}月底前",
            })
    data["plan"]["sections"] = sections
    data["departments"] = [{"name": name} for name in names]
    for i, ind in enumerate(data["indicators"]):
        ind["owner"] = names[i % n]
    return data


def write_many(path: Path, n: int, tasks_each: int = 2) -> Path:
    path.write_text(yaml.safe_dump(many_departments(n, tasks_each), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
