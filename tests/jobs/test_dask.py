"""Any executor: the same batch run on a Dask distributed cluster (a LocalCluster of worker processes) writes
byte for byte the files a run on this machine's own process pool writes."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

import briefgen
from synth import write_many

distributed = pytest.importorskip("distributed")


def _sums(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.suffix in (".docx", ".pdf")}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        yield c


def test_a_batch_on_a_dask_cluster_is_byte_identical_to_the_local_run(tmp_path, cluster):
    data = write_many(tmp_path / "many.yaml", 6)
    local = briefgen.batch(briefgen.Settings(data=data, out=tmp_path / "local"))
    with distributed.Client(cluster) as client:
        remote = briefgen.batch(briefgen.Settings(data=data, out=tmp_path / "dask"), executor=client.get_executor())
    assert not local.failed and not remote.failed
    assert len(_sums(tmp_path / "local")) == 12
    assert _sums(tmp_path / "dask") == _sums(tmp_path / "local")
    assert {o.unit for o in remote.built} == {o.unit for o in local.built}


def test_batch_dask_option_runs_on_the_cluster_and_says_when_none_answers(tmp_path, cluster):
    data = write_many(tmp_path / "many.yaml", 3)
    run = subprocess.run([sys.executable, "-m", "briefgen", "batch", str(data), "--dask", cluster.scheduler_address,
                          "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert len(_sums(tmp_path / "out")) == 6
    none = subprocess.run([sys.executable, "-m", "briefgen", "--lang", "zh", "batch", str(data), "--dask", "tcp://127.0.0.1:9",
                           "--out", str(tmp_path / "none")], capture_output=True, text=True, timeout=300)
    assert none.returncode == 2
    assert "没有 Dask 调度器应答" in none.stderr and "Traceback" not in none.stderr
    assert not (tmp_path / "none").exists()
