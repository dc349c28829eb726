"""The library's 督办 functions, as a script or the web page calls them: twice in one process, two months running."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

import briefgen
import fixture_plan as F
from briefgen import track
from test_report import fill_forms


def test_forms_and_report_called_again_in_one_process(tmp_path):
    F.write_data(tmp_path / "plan.yaml")
    settings = briefgen.load_settings({"data": str(tmp_path / "plan.yaml"), "out": str(tmp_path / "督办")})
    for period, as_of in (("2022-09", date(2022, 9, 30)), ("2022-10", date(2022, 10, 31))):
        made = track.forms(settings, period)  # the second call once failed: the module track/forms.py shadowed this function
        sheets = sorted(p.path for p in made.outputs if p.path.suffix == ".xlsx")
        assert len(sheets) == 4, sheets
        filled = fill_forms(sheets[0].parent)
        done = track.report(settings, filled, as_of)
        ledger = next(p.path for p in done.outputs if p.path.name.startswith("督办台账"))
        rows = load_workbook(ledger).active.max_row
        assert rows > 116, (period, rows)
    assert (tmp_path / "督办" / "2022-10").is_dir()
