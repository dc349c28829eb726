"""`briefgen extract --report` says, per part of the report, how many figures went to the headline list and why,
in the user's language; the draft it writes says the same."""

from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner

from briefgen import i18n
from briefgen.cli import main

EN = {"LANG": "C", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
TEXT = ("某镇2023年工作总结\n全年实现地区生产总值52.3亿元，同比增长6.1%，引进外资1017万美元，新引进企业42家。\n"
        "一、经济发展\n工业总产值31.2亿元，增长7.4%；新签约项目8个。\n二、社会事业\n新增就业岗位300个，发放补贴120万元。\n")


@pytest.fixture(autouse=True)
def _environment_language():
    yield
    i18n.set_language(None)


def _run(tmp_path, lang: str, *options: str):
    source = tmp_path / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    draft = tmp_path / f"{lang}.yaml"
    done = CliRunner().invoke(main, ["--lang", lang, "extract", str(source), "-o", str(draft), "--force", *options], env=EN)
    assert done.exit_code == 0, done.output
    return yaml.safe_load(draft.read_text(encoding="utf-8")), done.stderr


def test_report_in_english_per_part(tmp_path):
    data, err = _run(tmp_path, "en", "--report")
    assert "headline list: 3 figures, per part:" in err
    assert "opening (before the first section; its other figures make the section 总体情况): 2 to the headline list " \
           "(1 with their growth, 1 economic aggregates), 1 kept with it" in err
    assert "section “经济发展”: 1 to the headline list (1 with their growth), 1 kept with it" in err
    assert "section “社会事业”: 0 to the headline list (none is an aggregate with growth), 2 kept with it" in err
    # the draft agrees with what the report says
    assert [i["name"] for i in data["indicators"]] == ["地区生产总值", "引进外资", "工业总产值"]
    kept = {s["title"]: [r["name"] for r in s["results"]] for s in data["review"]["sections"]}
    assert kept == {"总体情况": ["新引进企业"], "经济发展": ["新签约项目"], "社会事业": ["新增就业岗位", "发放补贴"]}


def test_report_in_chinese(tmp_path):
    _, err = _run(tmp_path, "zh", "--report")
    assert "主要指标清单：共 3 项，各部分如下：" in err
    assert "“经济发展”部分：1 项列入主要指标（1 项带增速），1 项留在本部分" in err
    assert "“社会事业”部分：0 项列入主要指标（没有带增速的经济总量），2 项留在本部分" in err


def test_without_report_no_per_part_lines(tmp_path):
    _, err = _run(tmp_path, "en")
    assert "headline list" not in err


def test_report_names_the_part_on_the_economy(tmp_path):
    source = tmp_path / "r.txt"
    source.write_text("某镇2023年工作总结\n一、经济发展\n工业总产值31.2亿元，增长7.4%；新签约项目8个。\n二、社会事业\n新增就业岗位300个。\n",
                      encoding="utf-8")
    done = CliRunner().invoke(main, ["--lang", "en", "extract", str(source), "--report"], env=EN)
    assert done.exit_code == 0, done.output
    assert "section “经济发展” (the economy): 1 to the headline list (1 with their growth), 1 kept with it" in done.stderr
