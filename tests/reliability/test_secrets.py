"""After a full session, the Hugging Face token and a remote engine's API key appear nowhere in
the data dir (database, WAL, logs, settings, backups, cache, exports) nor in anything printed.

The session, as a user runs it (each step a `python main.py` process, the keyring a real file
backend outside the data dir): download from a gated repo with a token; download again using the
saved token; chat with the downloaded model; chat through a remote engine that needs an API key;
chat through an engine that refuses the key and echoes it back in its error; search; export.
The keyring file is the positive control: the same grep finds both secrets there.

Also here: file names from the Hub listing that try to leave models/. The local API server's
loopback bind and key check are tested in tests/e2e/test_api_server.py
(test_bound_to_loopback_only, test_non_loopback_host_is_refused, test_wrong_or_missing_key_is_401).
"""
from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.fakehub import FakeHub
from tests.remote_helpers import FaultServer, child_keyring_env, use_file_keyring

TOKEN = "hf_SessionSecretToken_5d0c1b9a"
API_KEY = "sk-session-secret-key-71f3e0"
REPO = "secret/gated-GGUF"


def _grep(root: Path, needles: list[bytes]) -> list[str]:
    found = []
    for p in sorted(root.rglob("*")):
        if p.is_file():
            data = p.read_bytes()
            for n in needles:
                # also as UTF-16 and base64 (how keyrings.alt's plaintext file keeps it)
                forms = (n, n.decode().encode("utf-16-le"), base64.b64encode(n).rstrip(b"="))
                if any(form in data for form in forms):
                    found.append(f"{p.relative_to(root)}: {n.decode()}")
    return found


@pytest.mark.slow
def test_no_secret_in_the_data_dir_or_output_after_a_full_session(tmp_path, data_dir, starter_model,
                                                                  small_gguf):
    import keyring

    xdg = tmp_path / "xdg"
    env = child_keyring_env(xdg)
    hub = FakeHub()
    hub.add_file(REPO, "chat.Q4_1.gguf", path=starter_model, gated=True, tokens={TOKEN})
    hub.add_file(REPO, "second.Q8_0.gguf", path=small_gguf, gated=True, tokens={TOKEN})
    hub.start()
    env["HF_ENDPOINT"] = hub.url
    ok = FaultServer("ok")
    echo = FaultServer("401")  # its error message repeats the Authorization header it got
    outputs: list[str] = []

    def cli(*args: str, code: int = 0, input: str | None = None):
        r = run_cli(*args, data_dir=data_dir, env=env, input=input, timeout=180)
        outputs.extend([r.stdout, r.stderr])
        assert r.returncode == code, (args, r.stderr)
        return r

    try:
        cli("download", f"{REPO}:chat.Q4_1.gguf", "--token-stdin", input=TOKEN + "\n")
        hub.drop_after, hub.drop_times = 1 << 20, 1  # a dropped connection: a log record
        cli("download", f"{REPO}:second.Q8_0.gguf")  # the saved token, from the keyring
        assert sum(q["auth"] and q["status"] == 200 for q in hub.requests) >= 4
        r = cli("chat", "Name a colour.", "--model", "chat.q4_1", "--max-tokens", "8", "--json")
        assert json.loads(r.stdout)["text"].strip()
        # Engines are added the way the window adds them: key to the keyring, row to the db.
        from app.core.engines_registry import add_engine
        from app.core.store import Store

        kr_file = xdg / "python_keyring" / "keyring_pass.cfg"
        previous = use_file_keyring(kr_file)
        try:
            store = Store(data_dir / "wren.db")
            try:
                assert "session only" not in add_engine(store, "gpu", ok.base_url, API_KEY).message
                add_engine(store, "echo", echo.base_url, API_KEY)
            finally:
                store.close()
        finally:
            keyring.set_keyring(previous)
        r = cli("chat", "Hello there", "--model", "remote:gpu/m", "--max-tokens", "8")
        assert "Hello world!" in r.stdout
        assert f"Bearer {API_KEY}" in ok.seen_auth  # the key really was used
        r = cli("chat", "Hello again", "--model", "remote:echo/m", code=1)
        assert "refused" in r.stderr or "401" in r.stderr
        r = cli("search", "Hello", "--json")
        assert json.loads(r.stdout)
        cli("export", "--format", "json", "--out", str(data_dir / "export.json"))
        cli("export", "--format", "md")
    finally:
        hub.stop()
        ok.stop()
        echo.stop()

    needles = [TOKEN.encode(), API_KEY.encode()]
    # Positive control: the grep finds both where they belong, in the keyring's own file.
    assert len(_grep(xdg, needles)) == 2
    present = {p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*") if p.is_file()}
    assert {"wren.db", "export.json", "logs/wren.log", "cache/vetted.json"} <= present, present
    assert any(p.startswith("backups/") for p in present)
    assert "interrupted" in (data_dir / "logs" / "wren.log").read_text()
    assert _grep(data_dir, needles) == []
    for text in outputs:
        assert TOKEN not in text and API_KEY not in text


@pytest.mark.parametrize("evil", ["../evil.gguf", "../../etc/cron.d/evil.gguf", "/tmp/evil.gguf",
                                  "..\\..\\evil.gguf", "sub/../../evil.gguf", "C:/Windows/evil.gguf",
                                  "sub\\..\\..\\evil.gguf", "./../evil.gguf"])
def test_hub_listing_file_names_cannot_leave_models(evil, small_gguf, data_dir, store) -> None:
    """A hostile Hub lists a file name that climbs out of models/: the listing shows it (it is
    just data) but the downloader refuses it, and nothing is written outside the data dir."""
    from app.core import hub as hubmod
    from app.core.downloads import Downloader
    from app.core.errors import BadInput
    from app.core.paths import DataDir

    fake = FakeHub()
    fake.add_file("evil/repo-GGUF", evil, path=small_gguf)
    fake.start()
    try:
        listed = [f.filename for f in hubmod.list_gguf_files("evil/repo-GGUF", endpoint=fake.url)]
        assert listed == [evil]
        dl = Downloader(store, DataDir(data_dir), endpoint=fake.url, token=lambda: None)
        with pytest.raises(BadInput, match="refusing"):
            dl.enqueue("evil/repo-GGUF", evil)
        r = run_cli("download", f"evil/repo-GGUF:{evil}", data_dir=data_dir,
                    env={"HF_ENDPOINT": fake.url})
        assert r.returncode == 2 and "refusing" in r.stderr.strip().splitlines()[-1]
    finally:
        fake.stop()
    assert fake.gets() == []  # not a byte requested
    assert store.list_downloads() == []
    outside = [p for p in data_dir.parent.rglob("evil.gguf")]
    assert outside == [] and not Path("/tmp/evil.gguf").exists()
