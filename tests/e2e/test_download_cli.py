"""`download`, `models`, `import` as a user runs them, against the fake Hub; then chat."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, run_cli
from tests.fakehub import GATED_REPO, GOOD_TOKEN, TEST_FILE, TEST_REPO, fake_hub  # noqa: F401

MB = 1024 * 1024


def env_for(fake, **extra: str) -> dict[str, str]:
    return {"HF_ENDPOINT": fake.url, **extra}


def test_download_then_chat_with_the_model(fake_hub, data_dir, starter_model) -> None:  # noqa: F811
    r = run_cli("download", f"{TEST_REPO}:{TEST_FILE}", data_dir=data_dir, env=env_for(fake_hub))
    assert r.returncode == 0, r.stderr
    assert "MB/s" in r.stderr and "100.0%" in r.stderr
    assert (data_dir / "models" / TEST_FILE).stat().st_size == starter_model.stat().st_size
    r = run_cli("chat", "Say hello.", "--model", "tiny-chat.q4_1", "--max-tokens", "8",
                "--seed", "1", "--json", data_dir=data_dir, env=env_for(fake_hub))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["text"].strip() and out["completion_tokens"] > 0
    assert Path(out["model"]).name == TEST_FILE or "tiny-chat" in out["model"]


def test_kill_mid_download_then_resume_with_range(fake_hub, data_dir, starter_model) -> None:  # noqa: F811
    size = starter_model.stat().st_size
    fake_hub.slow_bps = 6 * MB
    cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "download",
           f"{TEST_REPO}:{TEST_FILE}"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **env_for(fake_hub)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    part_dir = data_dir / "downloads"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        parts = list(part_dir.glob("*.part")) if part_dir.exists() else []
        if parts and parts[0].stat().st_size > 8 * MB:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    part = parts[0]
    have = part.stat().st_size
    assert 8 * MB < have < size
    db = sqlite3.connect(data_dir / "wren.db")
    row = db.execute("SELECT id, status, part_path FROM downloads").fetchall()
    db.close()
    assert len(row) == 1 and row[0][1] == "downloading" and row[0][2] == str(part)

    fake_hub.slow_bps = None
    fake_hub.reset_log()
    r = run_cli("download", f"{TEST_REPO}:{TEST_FILE}", "--json", data_dir=data_dir,
                env=env_for(fake_hub))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["resumed_from"] == have and out["bytes_fetched"] == size - have
    gets = fake_hub.gets(TEST_FILE)
    assert len(gets) == 1 and gets[0]["range"] == f"bytes={have}-"
    assert gets[0]["status"] == 206 and gets[0]["sent"] == size - have  # the start not fetched again
    db = sqlite3.connect(data_dir / "wren.db")
    assert db.execute("SELECT id, status FROM downloads").fetchall() == [(row[0][0], "done")]
    db.close()
    assert not part.exists()


def test_download_bad_input_is_one_line_and_exit_2(fake_hub, data_dir) -> None:  # noqa: F811
    for args, msg in [(["nope"], "unknown model"),
                      ([f"{TEST_REPO}:../evil.gguf"], "refusing"),
                      ([f"{TEST_REPO}:/etc/evil.gguf"], "refusing"),
                      ([f"{TEST_REPO}:missing.gguf"], "no such file"),
                      (["nobody/nothing:x.gguf"], "no such model repository"),
                      (["gemma-2-2b-it", "--quant", "Q9_9"], "has no quantization")]:
        r = run_cli("download", *args, data_dir=data_dir, env=env_for(fake_hub))
        assert r.returncode == 2, (args, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert lines[-1].startswith("wren: error:") and msg in lines[-1], r.stderr
        assert "Traceback" not in r.stderr
    assert not (data_dir / "models").exists() or not list((data_dir / "models").iterdir())


def test_gated_download_via_cli_with_and_without_a_keyring(fake_hub, data_dir, tmp_path) -> None:  # noqa: F811
    kr_env = env_for(fake_hub, PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
                     XDG_DATA_HOME=str(tmp_path / "xdg"))
    spec = f"{GATED_REPO}:gated-chat.Q4_1.gguf"
    r = run_cli("download", spec, data_dir=data_dir, env=kr_env)
    assert r.returncode == 1 and "is gated: save a Hugging Face token" in r.stderr
    r = run_cli("download", spec, "--token-stdin", data_dir=data_dir, env=kr_env,
                input=GOOD_TOKEN + "\n")
    assert r.returncode == 0, r.stderr
    assert "saved in the system keyring" in r.stderr
    assert GOOD_TOKEN not in r.stderr + r.stdout
    assert list((tmp_path / "xdg").rglob("*.cfg"))  # it went to the keyring backend's store
    # No keyring at all: the token works for this run only, and the user is told.
    data2 = tmp_path / "data2"
    no_kr = env_for(fake_hub, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    r = run_cli("download", spec, "--token-stdin", data_dir=data2, env=no_kr,
                input=GOOD_TOKEN + "\n")
    assert r.returncode == 0, r.stderr
    assert "for this session only" in r.stderr
    for d in (data_dir, data2):
        blob = b"".join(p.read_bytes() for p in d.rglob("*") if p.is_file())
        assert GOOD_TOKEN.encode() not in blob


def test_catalog_id_download_checks_the_catalog_file(fake_hub, data_dir, starter_model) -> None:  # noqa: F811
    from app.core.catalog import find_entry

    e = find_entry("smollm2-135m-instruct")
    fake_hub.add_file(e.repo_id, e.filename, path=starter_model)
    r = run_cli("download", "smollm2-135m-instruct", "--json", data_dir=data_dir,
                env=env_for(fake_hub))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["sha256"] == e.quant().sha256 and out["model_id"] == "smollm2-135m-instruct"


def test_models_json_lists_catalog_and_installed_with_fit(data_dir) -> None:
    r = run_cli("models", "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    ids = {e["id"] for e in out["catalog"]}
    assert {"phi-3.5-mini-instruct", "gemma-2-9b-it", "pythia-1.4b"} <= ids
    phi = next(e for e in out["catalog"] if e["id"] == "phi-3.5-mini-instruct")
    assert phi["fit"]["status"] in ("fits", "tight", "won't fit")
    assert {q["quantization"] for q in phi["quantizations"]} >= {"Q4_K_M", "Q8_0"}
    assert all("fit" in q for q in phi["quantizations"])
    assert out["installed"] and out["installed"][0]["fit"]["needed_bytes"] > 0
    assert out["recommendation"]["reason"]
    assert out["machine"]["total_ram"] > 0


def test_import_copy_link_and_bad_file(data_dir, starter_model, tmp_path) -> None:
    r = run_cli("import", str(starter_model), "--id", "copied", "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["path"] == str(data_dir / "models" / starter_model.name)
    import shutil

    mine = tmp_path / "elsewhere" / "mine.gguf"
    mine.parent.mkdir()
    shutil.copyfile(starter_model, mine)
    r = run_cli("import", str(mine), "--link", "--id", "linked", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    r = run_cli("models", "--json", data_dir=data_dir)
    inst = {m["id"]: m for m in json.loads(r.stdout)["installed"]}
    assert inst["linked"]["path"] == str(mine.resolve()) and "copied" in inst
    bad = tmp_path / "notes.gguf"
    bad.write_text("just text, not a model")
    r = run_cli("import", str(bad), data_dir=data_dir)
    assert r.returncode == 2 and "not a GGUF model file" in r.stderr
    r = run_cli("import", str(tmp_path / "missing.gguf"), data_dir=data_dir)
    assert r.returncode == 2 and "not found" in r.stderr
    r = run_cli("import", str(starter_model), "--id", "copied", data_dir=data_dir)
    assert r.returncode == 2 and "already installed" in r.stderr
    assert len(list((data_dir / "models").iterdir())) == 1
