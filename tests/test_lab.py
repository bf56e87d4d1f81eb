"""`make lab` works where users run it — as root in a container, on a headless machine: it serves JupyterLab on the
asked port and prints the URL (issue 21, §2b)."""
import os, socket, subprocess, time, urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); return s.getsockname()[1]

def test_make_lab_serves_jupyterlab():
    port, token = free_port(), "gait-repro-test"
    env = {**os.environ, "JUPYTER_TOKEN": token}
    proc = subprocess.Popen(["make", "-s", "lab", f"PORT={port}"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    try:
        body, deadline = None, time.time() + 90
        while time.time() < deadline and body is None:
            try: body = urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=5).read().decode()
            except OSError: time.sleep(1)
        assert body is not None, "JupyterLab did not answer within 90 s"
        assert "JupyterLab" in body
    finally:
        os.killpg(proc.pid, 15)
        out = proc.communicate(timeout=30)[0]
    assert f":{port}/lab" in out  # the URL is printed
