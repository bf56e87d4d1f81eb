"""`run_batch` against a real `dask scheduler` and two `dask worker` processes, one of them killed (SIGKILL) mid-run:
every item must still end in the results or the errors table exactly once."""
import os, signal, socket, subprocess, sys, threading, time
from pathlib import Path
import pandas as pd
from gait_repro.compendium.batch import run_batch, batch_items, errors_path

DASK = str(Path(sys.executable).with_name("dask"))
STARTED = "BATCH_TEST_STARTED"  # env var: the folder where the slow task notes (item, worker pid) as it starts

def slow_task(path) -> dict:
    "A stand-in for a real measurement: notes which worker started it, sleeps 0.4 s, fails on 'boom' inputs."
    text = Path(path).read_text()
    (Path(os.environ[STARTED]) / f"{Path(path).stem}.{os.getpid()}").touch()
    time.sleep(0.4)
    if text.startswith("boom"): raise ValueError(f"{path}: cannot measure\nthis walk")
    return {"n_bytes": len(text), "pid": os.getpid()}

def _free_port() -> int:
    with socket.socket() as s: s.bind(("127.0.0.1", 0)); return s.getsockname()[1]

def _wait(cond, timeout, what):
    t0 = time.time()
    while not cond():
        if time.time() - t0 > timeout: raise TimeoutError(what)
        time.sleep(0.05)

def test_worker_killed_mid_run(tmp_path):
    from distributed import Client
    items_dir, started = tmp_path / "items", tmp_path / "started"; items_dir.mkdir(); started.mkdir()
    for i in range(24): (items_dir / f"item{i:02d}.txt").write_text(("boom " if i in (5, 17) else "walk ") + str(i) * (i + 1))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")]),
           STARTED: str(started), "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "10"}
    os.environ[STARTED] = str(started)
    port = _free_port(); addr = f"tcp://127.0.0.1:{port}"
    log = open(tmp_path / "dask.log", "w"); procs = []
    try:
        procs.append(subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], env=env,
                                      stdout=log, stderr=log))
        # --no-nanny: the Popen is the worker itself, so SIGKILL takes its running task down with it
        workers = [subprocess.Popen([DASK, "worker", addr, "--nthreads", "1", "--nworkers", "1", "--no-dashboard", "--no-nanny"],
                                    env=env, stdout=log, stderr=log) for _ in range(2)]
        procs += workers
        with Client(addr, timeout="30s") as c: c.wait_for_workers(2, timeout=30)
        out, result = tmp_path / "results.parquet", {}
        pattern = str(items_dir / "*.txt")  # a glob: a folder's items are pose files, OpenPose folders and videos only
        def batch():
            try: result.update(run_batch(pattern, out, task=slow_task, scheduler=addr, progress=False))
            except BaseException as e: result["raised"] = e
        th = threading.Thread(target=batch)
        th.start()
        victim = workers[0]
        on_victim = lambda: [f for f in started.iterdir() if f.suffix == f".{victim.pid}"]
        _wait(lambda: len(on_victim()) >= 2 or not th.is_alive(), 30, "the first worker never started two items")
        assert "raised" not in result, result
        assert th.is_alive() and not out.exists()  # mid-run
        victim.send_signal(signal.SIGKILL); victim.wait(10)
        th.join(60)
        assert not th.is_alive(), "run_batch did not finish after a worker was killed"
        assert "raised" not in result, result
        assert (result["done"], result["failed"], result["skipped"]) == (22, 2, 0), result
        res, err = pd.read_parquet(out), pd.read_parquet(errors_path(out))
        ids = res.item_id.tolist() + err.item_id.tolist()
        assert len(ids) == len(set(ids)) and set(ids) == set(batch_items(pattern, slow_task).item_id)  # each exactly once
        assert sorted(Path(p).name for p in err.path) == ["item05.txt", "item17.txt"]
        assert all(e.startswith("ValueError: ") and "\n" not in e for e in err.error), err.error.tolist()
        # the item the victim was running when killed was recomputed on the other worker
        lost = {f.stem for f in on_victim()} - {Path(p).stem for p, pid in zip(res.path, res.pid) if pid == victim.pid} - {"item05", "item17"}
        assert lost and (res.set_index(res.path.map(lambda p: Path(p).stem)).loc[sorted(lost), "pid"] == workers[1].pid).all()
        # a rerun finds everything done
        assert run_batch(pattern, out, task=slow_task, scheduler=addr, progress=False)["skipped"] == 24
    finally:
        for p in reversed(procs):
            if p.poll() is None: p.terminate()
        for p in procs:
            try: p.wait(10)
            except subprocess.TimeoutExpired: p.kill()
        log.close()
