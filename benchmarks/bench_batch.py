"""Benchmark: `run_batch` throughput on the `params` task — a plain single-process loop vs a LocalCluster of 1 and 2
worker processes.

Writes `BENCH_SEEDS` (default 24) sets of the "full" demonstration walkers (24 OpenPose folders each, so 576 distinct
items) and a manifest with their frame rates. The serial loop hashes the items and measures each with `run_item` (the
same code a worker runs) in a process that has already imported the library. For the clusters, the cluster is started
first and each worker imports the library (that start-up time is printed separately), then `run_batch` connects to it,
so items/s counts hashing (done by the workers), scheduling, gathering and the Parquet writes.
Prints items/s and the 2-vs-1 worker scaling efficiency (speed-up / 2)."""
import importlib, logging, os, tempfile, time
from pathlib import Path
import pandas as pd
from gait_repro.cli import write_demo_data
from gait_repro.compendium.batch import batch_items, run_item, run_batch

SEEDS = int(os.environ.get("BENCH_SEEDS", 24))

def make_manifest(root:Path) -> Path:
    rows = []
    for s in range(SEEDS):
        demo = write_demo_data(root / f"seed{s}", "full", s)
        clips = pd.read_csv(demo / "clips.csv")
        rows += [{"path": str(demo / "openpose" / c), "fps": f} for c, f in zip(clips["clip"], clips["fps"])]
    pd.DataFrame(rows).to_csv(root / "manifest.csv", index=False)
    return root / "manifest.csv"

def serial(manifest) -> tuple:
    t0 = time.perf_counter()
    items = batch_items(manifest)
    ok = sum("ok" in run_item("params", r.path, r.fps) for r in items.itertuples())
    return len(items), ok, time.perf_counter() - t0

def on_cluster(manifest, out, workers:int) -> tuple:
    import dask
    from distributed import Client, LocalCluster
    t0 = time.perf_counter()
    with dask.config.set({"distributed.scheduler.allowed-failures": 10}), \
         LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR) as cl, \
         Client(cl) as client:
        client.run(importlib.import_module, "gait_repro.compendium.batch")   # each worker loads the library once (~1 s): start-up
        start = time.perf_counter() - t0
        n = run_batch(manifest, out, scheduler=cl.scheduler_address, progress=False)
    return n, start

def main():
    with tempfile.TemporaryDirectory() as d:
        root = Path(d); manifest = make_manifest(root)
        run_item("params", *batch_items(manifest).iloc[0][["path", "fps"]])  # warm imports
        n, ok, t = serial(manifest)
        print(f"{n} items ({SEEDS} x 24 demo walkers, params task); {os.cpu_count()} CPUs")
        print(f"serial loop:  {t:6.2f} s  {n / t:7.1f} items/s  ({ok} measured)")
        rate = {}
        for w in (1, 2):
            res, start = on_cluster(manifest, root / f"out{w}/results.parquet", w)
            rate[w] = (res["done"] + res["failed"]) / res["seconds"]
            print(f"{w} worker(s):  {res['seconds']:6.2f} s  {rate[w]:7.1f} items/s  (cluster start {start:.1f} s; "
                  f"done {res['done']}, failed {res['failed']})")
        print(f"2 vs 1 worker: speed-up {rate[2] / rate[1]:.2f}x, scaling efficiency {rate[2] / rate[1] / 2:.0%}")

if __name__ == "__main__":
    main()
