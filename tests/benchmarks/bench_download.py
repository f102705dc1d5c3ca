"""Download benchmark: loopback throughput of Wren's downloader vs curl on the same file from the
same fake Hub server, and bytes fetched twice across a pause/kill and resume.

    python -m tests.benchmarks.bench_download [--full]

`run(quick)` returns a dict (printed as JSON by __main__). Targets: throughput
>= 0.9x curl; re-fetched bytes after a resume < 1% of the file.
"""
from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MB = 1024 * 1024


def _curl(url: str, out: Path, verify: bool = False) -> float:
    """curl alone, or curl then `openssl dgst -sha256` (what Wren does: fetch and verify; OpenSSL
    is the sha256 that Python's hashlib uses, coreutils' sha256sum is ~6x slower here)."""
    t = time.perf_counter()
    subprocess.run(["curl", "-sS", "-f", "-o", str(out), url], check=True)
    if verify:
        subprocess.run(["openssl", "dgst", "-sha256", str(out)], check=True, stdout=subprocess.DEVNULL)
    dt = time.perf_counter() - t
    out.unlink()
    return dt


def _wren(hub_url: str, repo: str, filename: str, root: Path, verify: bool = True) -> tuple[float, float]:
    """(seconds for the transfer alone, seconds end to end incl. HEAD, sha256 check, move)."""
    from app.core.downloads import Downloader
    from app.core.paths import DataDir
    from app.core.store import Store

    data = DataDir(root).ensure()
    store = Store(data.db_path)
    try:
        dl = Downloader(store, data, endpoint=hub_url, token=lambda: None, verify_sha256=verify)
        marks: dict[str, float] = {}

        def on_progress(p):  # first byte and verify mark the transfer's ends
            if p.status == "downloading" and "start" not in marks:
                marks["start"] = time.perf_counter()
            if p.status == "verifying":
                marks["end"] = time.perf_counter()

        t = time.perf_counter()
        marks["request"] = t
        res = dl.run(dl.enqueue(repo, filename), on_progress=on_progress)
        total = time.perf_counter() - t
        Path(res.path).unlink()
        return marks.get("end", t + total) - marks["request"], total
    finally:
        store.close()


def _sha_rate(path: Path) -> float:
    import hashlib

    data = path.read_bytes()
    t = time.perf_counter()
    hashlib.sha256(data).hexdigest()
    return round(len(data) / (time.perf_counter() - t) / 1e6, 1)


def _resume_refetch(hub, repo: str, filename: str, size: int, root: Path) -> dict:
    """Pause at ~40 % (in process), resume; and kill -9 a CLI download at ~40 %, resume."""
    from app.core.downloads import Downloader, DownloadQueue
    from app.core.paths import DataDir
    from app.core.store import Store

    out: dict = {}
    data = DataDir(root / "pause").ensure()
    store = Store(data.db_path)
    try:
        hub.reset_log()
        hub.slow_bps = 50 * MB
        dl = Downloader(store, data, endpoint=hub.url, token=lambda: None)
        q = DownloadQueue(dl)
        job = dl.enqueue(repo, filename)
        q.add(job)

        def on_progress(p):
            if p.status == "downloading" and p.bytes_done > 0.4 * size:
                q.pause(job)

        t = threading.Thread(target=q.serve, kwargs={"on_progress": on_progress, "until_empty": True})
        t.start()
        t.join()
        hub.slow_bps = None
        q.resume(job)
        q.serve(until_empty=True)
        sent = sum(g["sent"] for g in hub.gets(filename))
        out["pause_resume_refetched_bytes"] = sent - size
        out["pause_resume_refetched_pct"] = round(100 * (sent - size) / size, 3)
    finally:
        store.close()

    data_dir = root / "kill"
    env = {**os.environ, "HF_ENDPOINT": hub.url}
    cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "download",
           f"{repo}:{filename}"]
    hub.reset_log()
    hub.slow_bps = 50 * MB
    p = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        parts = list((data_dir / "downloads").glob("*.part")) if (data_dir / "downloads").exists() else []
        if parts and parts[0].stat().st_size > 0.4 * size:
            break
        time.sleep(0.02)
    p.send_signal(signal.SIGKILL)
    p.wait()
    hub.slow_bps = None
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    gets = hub.gets(filename)
    sent = sum(g["sent"] for g in gets)
    out["kill_resume_range"] = gets[-1]["range"]
    out["kill_resume_refetched_bytes"] = sent - size
    out["kill_resume_refetched_pct"] = round(100 * (sent - size) / size, 3)
    return out


def run(quick: bool = True) -> dict:
    from app.core.starter import find_starter_model
    from tests.fakehub import FakeHub

    starter = find_starter_model()
    assert starter is not None, "the starter model is not installed"
    with tempfile.TemporaryDirectory(prefix="wren-bench-dl-") as tmp:
        tmpd = Path(tmp)
        hub = FakeHub()
        hub.add_file("bench/starter-GGUF", starter.name, path=starter)
        files = [("bench/starter-GGUF", starter.name, starter.stat().st_size)]
        if not quick:
            big = tmpd / "big.gguf"  # a bigger file (GGUF header + random bytes) for steadier rates
            with open(starter, "rb") as src, open(big, "wb") as dst:
                dst.write(src.read())
                for _ in range(4):
                    dst.write(os.urandom(100 * MB))
            hub.add_file("bench/big-GGUF", "big.gguf", path=big)
            files.append(("bench/big-GGUF", "big.gguf", big.stat().st_size))
        hub.start()
        try:
            result: dict = {"quick": quick, "files": []}
            reps = 5
            for repo, name, size in files:
                # The server runs in its own process for the throughput runs, so that it does
                # not share this process's GIL with the downloader (curl has it to itself).
                path = starter if name == starter.name else tmpd / name
                srv = subprocess.Popen([sys.executable, "-m", "tests.fakehub", repo, name, str(path)],
                                       cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                try:
                    base = srv.stdout.readline().strip()
                    url = f"{base}/{repo}/resolve/main/{name}"
                    curl_s, curl_sha, wren, raw = [], [], [], []
                    loads = []
                    for i in range(reps):  # interleaved, so machine load hits both alike
                        loads.append(os.getloadavg()[0])
                        curl_s.append(_curl(url, tmpd / "curl.out"))
                        curl_sha.append(_curl(url, tmpd / "curl.out", verify=True))
                        wren.append(_wren(base, repo, name, tmpd / f"w{name}{i}"))
                        raw.append(_wren(base, repo, name, tmpd / f"r{name}{i}", verify=False))
                finally:
                    srv.stdin.close()
                    srv.wait(10)
                c = statistics.median(curl_s)
                cs = statistics.median(curl_sha)
                w_transfer = statistics.median(x[0] for x in wren)
                w_total = statistics.median(x[1] for x in wren)
                w_raw = statistics.median(x[0] for x in raw)
                result["files"].append({
                    "file": name, "size_bytes": size,
                    "curl_MBps": round(size / c / 1e6, 1),
                    "wren_transfer_MBps": round(size / w_transfer / 1e6, 1),
                    "wren_end_to_end_MBps": round(size / w_total / 1e6, 1),
                    "ratio_transfer_vs_curl": round(c / w_transfer, 3),
                    "wren_transfer_no_sha256_MBps": round(size / w_raw / 1e6, 1),
                    "ratio_no_sha256_vs_curl": round(c / w_raw, 3),
                    "sha256_MBps_one_core": _sha_rate(path),
                    "ratio_end_to_end_vs_curl": round(c / w_total, 3),
                    "curl_then_openssl_sha256_MBps": round(size / cs / 1e6, 1),
                    "ratio_end_to_end_vs_curl_then_sha256": round(cs / w_total, 3),
                    "load_average_1min_median": round(statistics.median(loads), 2),
                })
            repo, name, size = files[0]
            result.update(_resume_refetch(hub, repo, name, size, tmpd / "resume"))
            return result
        finally:
            hub.stop()


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    print(json.dumps(run(quick="--full" not in sys.argv), indent=1))
