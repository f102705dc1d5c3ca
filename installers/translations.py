"""Wren's translations, one command:

  python installers/translations.py update [--no-obsolete]   re-read app/ with pyside6-lupdate
                                                            into resources/translations/*.ts
  python installers/translations.py release                 compile every .ts into its .qm
  python installers/translations.py todo LANG [-o FILE]     the unfinished messages as JSON
  python installers/translations.py fill LANG FILE.json     write translations back (finished)
  python installers/translations.py check                   unfinished / missing / obsolete /
                                                            stale .qm per locale (exit 1 if any)

A translator only needs `todo` and `fill`: `todo de -o de.json` writes a list of objects
{context, source, comment, plural, forms, translation}; put the German text in `translation`
(a string, or for `plural: true` a list of exactly `forms` strings, one per plural form of the
language as Qt orders them) and run `fill de de.json`. Placeholders such as {name} must be
kept; %n is the number in plural messages. `fill` refuses entries that drop or add one.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
SOURCES = ROOT / "app"
# English is the source language: its file holds only the plural forms ("%n file(s)" ->
# "1 file" / "2 files"), as Qt recommends (lupdate -pluralonly).
LOCALES = ("en", "de", "fr", "es", "pt_BR", "zh_CN", "ja", "ar")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}")


class ToolMissing(RuntimeError):
    pass


def qt_tool(name: str) -> list[str]:
    """The command for lupdate / lrelease: pyside6-NAME on PATH, else the binary that
    PySide6-Essentials ships inside its package folder."""
    exe = shutil.which(f"pyside6-{name}")
    if exe:
        return [exe]
    try:
        import PySide6
    except ImportError as e:  # pragma: no cover - Wren needs PySide6 anyway
        raise ToolMissing("PySide6 is not installed") from e
    base = Path(PySide6.__file__).parent
    for cand in (base / name, base / f"{name}.exe", base / "Qt" / "libexec" / name,
                 base / "Qt" / "bin" / name):
        if cand.is_file():
            return [str(cand)]
    raise ToolMissing(f"{name} not found: it ships with PySide6-Essentials (pip install PySide6-Essentials)")


def ts_path(locale: str, folder: Path = TS_DIR) -> Path:
    return folder / f"wren_{locale}.ts"


def qm_path(locale: str, folder: Path = TS_DIR) -> Path:
    return folder / f"wren_{locale}.qm"


def source_files() -> list[str]:
    return sorted(str(p) for p in (SOURCES / "ui").rglob("*.py"))


def run_lupdate(ts_files: list[Path], *, no_obsolete: bool = False) -> None:
    for ts in ts_files:
        locale = ts.stem.split("_", 1)[1]
        cmd = [*qt_tool("lupdate"), *source_files(), "-source-language", "en",
               "-target-language", locale, "-locations", "none", "-silent"]
        if no_obsolete:
            cmd.append("-no-obsolete")
        if locale == "en":
            cmd.append("-pluralonly")
        cmd += ["-ts", str(ts)]
        subprocess.run(cmd, check=True, cwd=ROOT)


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([*qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


# ---------------------------------------------------------------------------- .ts as data
@dataclass
class Message:
    context: str
    source: str
    comment: str
    plural: bool
    forms: int  # translations needed: plural forms of the language, 1 otherwise
    translation: str | list[str]
    state: str = ""  # "", "unfinished", "vanished", "obsolete"

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def finished(self) -> bool:
        if self.state:
            return False
        texts = self.translation if isinstance(self.translation, list) else [self.translation]
        return bool(texts) and all(t.strip() for t in texts)


def read_ts(path: Path) -> tuple[ET.ElementTree, list[tuple[Message, ET.Element]]]:
    tree = ET.parse(path)
    out = []
    for ctx in tree.getroot().iter("context"):
        cname = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            plural = msg.get("numerus") == "yes"
            if tr is None:
                tr = ET.SubElement(msg, "translation", type="unfinished")
            if plural:
                text: str | list[str] = [f.text or "" for f in tr.iter("numerusform")]
                forms = len(text) or 1
            else:
                text = tr.text or ""
                forms = 1
            out.append((Message(cname, msg.findtext("source") or "", msg.findtext("comment") or "",
                                plural, forms, text, tr.get("type", "")), msg))
    return tree, out


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def messages(locale: str, folder: Path = TS_DIR) -> list[Message]:
    return [m for m, _ in read_ts(ts_path(locale, folder))[1]]


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def check_translation(m: Message, value: object) -> str:
    """'' when `value` is a valid translation of `m`, else why not."""
    if m.plural:
        if not isinstance(value, list) or len(value) != m.forms or not all(isinstance(v, str) for v in value):
            return f"needs a list of {m.forms} plural forms"
        texts = value
    else:
        if not isinstance(value, str):
            return "needs a string"
        texts = [value]
    for t in texts:
        if not t.strip():
            return "empty translation"
        if placeholders(t) != placeholders(m.source):
            return f"placeholders {placeholders(t)} differ from the source's {placeholders(m.source)}"
    if not m.plural and ("%n" in m.source) != ("%n" in texts[0]):
        return "%n must be kept"
    return ""


def todo(locale: str, folder: Path = TS_DIR) -> list[dict]:
    return [{k: v for k, v in asdict(m).items() if k != "state"}
            for m in messages(locale, folder) if m.state in ("", "unfinished") and not m.finished]


def fill(locale: str, entries: list[dict], folder: Path = TS_DIR) -> tuple[int, list[str]]:
    """Write the entries' translations (marked finished). Returns (written, problems)."""
    path = ts_path(locale, folder)
    tree, msgs = read_ts(path)
    by_key = {m.key: (m, el) for m, el in msgs if m.state not in ("vanished", "obsolete")}
    written, problems = 0, []
    for e in entries:
        key = (e.get("context", ""), e.get("source", ""), e.get("comment", "") or "")
        value = e.get("translation")
        if value in (None, "", []):
            continue  # left for later
        hit = by_key.get(key)
        if hit is None:
            problems.append(f"{key[0]}: {key[1]!r}: no such message in {path.name}")
            continue
        m, el = hit
        why = check_translation(m, value)
        if why:
            problems.append(f"{key[0]}: {key[1]!r}: {why}")
            continue
        tr = el.find("translation")
        assert tr is not None
        for child in list(tr):
            tr.remove(child)
        tr.attrib.pop("type", None)
        if m.plural:
            tr.text = None
            for v in value:  # type: ignore[union-attr]
                ET.SubElement(tr, "numerusform").text = v
        else:
            tr.text = value  # type: ignore[assignment]
        written += 1
    write_ts(tree, path)
    return written, problems


@dataclass
class LocaleReport:
    locale: str
    total: int = 0
    finished: int = 0
    unfinished: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # in the code, not in the .ts
    obsolete: list[str] = field(default_factory=list)  # in the .ts, no longer in the code
    qm_stale: bool = False

    @property
    def ok(self) -> bool:
        return not (self.unfinished or self.missing or self.obsolete or self.qm_stale)


def check(locales: tuple[str, ...] = LOCALES, folder: Path = TS_DIR) -> list[LocaleReport]:
    """Compare each committed .ts with what lupdate reads from the code now, and each .qm with
    what lrelease makes of its .ts."""
    reports = []
    with tempfile.TemporaryDirectory() as tmp:
        for loc in locales:
            rep = LocaleReport(loc)
            reports.append(rep)
            committed = ts_path(loc, folder)
            if not committed.is_file():
                rep.missing.append(f"{committed.name} does not exist")
                continue
            fresh = ts_path(loc, Path(tmp))
            shutil.copy(committed, fresh)
            run_lupdate([fresh])
            current = {m.key for m in messages(loc, Path(tmp)) if m.state not in ("vanished", "obsolete")}
            have = {m.key: m for m in messages(loc, folder)}
            for key in sorted(current):
                m = have.get(key)
                label = f"{key[0]}: {key[1]!r}"
                if m is None or m.state in ("vanished", "obsolete"):
                    rep.missing.append(label)
                elif not m.finished:
                    rep.unfinished.append(label)
                else:
                    rep.finished += 1
            rep.total = len(current)
            rep.obsolete = [f"{k[0]}: {k[1]!r}" for k, m in have.items()
                            if k not in current or m.state in ("vanished", "obsolete")]
            qm = qm_path(loc, folder)
            fresh_qm = Path(tmp) / qm.name
            run_lrelease(committed, fresh_qm)
            rep.qm_stale = not qm.is_file() or qm.read_bytes() != fresh_qm.read_bytes()
    return reports


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    up = sub.add_parser("update", help="re-read the code into the .ts files")
    up.add_argument("--no-obsolete", action="store_true", help="drop messages gone from the code")
    sub.add_parser("release", help="compile .ts into .qm")
    td = sub.add_parser("todo", help="unfinished messages of LANG as JSON")
    td.add_argument("lang", choices=LOCALES)
    td.add_argument("-o", "--output", help="file to write (default: stdout)")
    fl = sub.add_parser("fill", help="write translations from a JSON file")
    fl.add_argument("lang", choices=LOCALES)
    fl.add_argument("file")
    sub.add_parser("check", help="unfinished/missing/obsolete per locale")
    args = p.parse_args(argv)
    try:
        if args.cmd == "update":
            TS_DIR.mkdir(parents=True, exist_ok=True)
            run_lupdate([ts_path(loc) for loc in LOCALES], no_obsolete=args.no_obsolete)
            for loc in LOCALES:
                left = len(todo(loc))
                print(f"{loc}: {len(messages(loc))} messages, {left} to translate")
        elif args.cmd == "release":
            for loc in LOCALES:
                run_lrelease(ts_path(loc), qm_path(loc))
                print(f"{qm_path(loc).relative_to(ROOT)}")
        elif args.cmd == "todo":
            items = todo(args.lang)
            text = json.dumps(items, ensure_ascii=False, indent=1)
            if args.output:
                Path(args.output).write_text(text + "\n", encoding="utf-8")
                print(f"{len(items)} messages to translate written to {args.output}", file=sys.stderr)
            else:
                print(text)
        elif args.cmd == "fill":
            try:
                entries = json.loads(Path(args.file).read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                print(f"translations: error: cannot read {args.file}: {e}", file=sys.stderr)
                return 2
            if not isinstance(entries, list):
                print("translations: error: the file must hold a JSON list", file=sys.stderr)
                return 2
            written, problems = fill(args.lang, entries)
            for pr in problems:
                print(f"refused: {pr}", file=sys.stderr)
            print(f"{written} translations written to {ts_path(args.lang).name}; "
                  f"{len(todo(args.lang))} left; run `release` to compile")
            return 1 if problems else 0
        elif args.cmd == "check":
            bad = False
            for r in check():
                bad |= not r.ok
                print(f"{r.locale}: {r.finished}/{r.total} finished, {len(r.unfinished)} unfinished, "
                      f"{len(r.missing)} missing, {len(r.obsolete)} obsolete"
                      + (", .qm stale (run release)" if r.qm_stale else ""))
                for label, items in (("missing", r.missing), ("obsolete", r.obsolete)):
                    for i in items[:20]:
                        print(f"  {label}: {i}")
            return 1 if bad else 0
    except ToolMissing as e:
        print(f"translations: error: {e}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as e:
        print(f"translations: error: {' '.join(map(str, e.cmd[:1]))} failed (exit {e.returncode})",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
