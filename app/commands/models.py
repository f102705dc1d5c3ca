"""`python main.py models [--json]`: the catalog and installed models, with fit hints."""
from __future__ import annotations

import argparse
import json
from typing import Any

from app.core.fit import PURPOSES


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("models", parents=[common], help="list catalog and installed models")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--purpose", choices=list(PURPOSES), default="chat",
                   help="what the recommendation is for (default: chat)")
    p.set_defaults(func=run)


def collect(store: Any, data: Any, purpose: str = "chat") -> dict[str, Any]:
    from pathlib import Path

    from app.core.catalog import load_catalog
    from app.core.errors import WrenError
    from app.core.fit import fit_entry, fit_gguf, recommend
    from app.core.gguf_info import read_gguf_info
    from app.core.machine import machine_info
    from app.core.models import installed_models

    machine = machine_info()
    installed = installed_models(store, data)
    installed_names = {Path(m.path).name for m in installed}
    catalog = []
    for e in load_catalog():
        quants = []
        for q in e.quants:
            quants.append({"quantization": q.quantization, "filename": q.filename,
                           "size_bytes": q.size_bytes, "sha256": q.sha256,
                           "installed": q.filename in installed_names,
                           "fit": fit_entry(e, q, machine).to_dict()})
        item = {k: v for k, v in e.raw.items() if k != "quantizations"}
        item.update({"filename": e.filename, "quantizations": quants,
                     "fit": fit_entry(e, None, machine).to_dict(),
                     "kv_bytes_per_token_f16": e.kv_bytes_per_token(),
                     "installed": any(q["installed"] for q in quants)})
        catalog.append(item)
    inst = []
    for m in installed:
        d = m.to_dict()
        try:
            d["fit"] = fit_gguf(read_gguf_info(m.path), machine).to_dict()
        except WrenError as err:
            d["fit"] = None
            d["error"] = err.message
        inst.append(d)
    return {"machine": machine.to_dict(), "catalog": catalog, "installed": inst,
            "default_model": store.get_setting("default_model"),
            "recommendation": recommend(machine, purpose).to_dict()}


def run(args: argparse.Namespace, ctx: Any) -> int:
    out = collect(ctx.store, ctx.data, args.purpose)
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    gib = 1024**3
    m = out["machine"]
    print(f"This machine: {m['total_ram'] / gib:.1f} GiB RAM, {m['physical_cores']} cores"
          f"{', GPU offload' if m['gpu_offload'] else ''}")
    print("\nCatalog (fit at a useful context, default quantization):")
    for e in out["catalog"]:
        f = e["fit"]
        mark = "*" if e["installed"] else " "
        quants = ",".join(q["quantization"] for q in e["quantizations"])
        print(f" {mark} {e['id']:<28} {e['size_class']:<11} {e['license_name'][:22]:<22} "
              f"{f['status']:<9} {f['needed_bytes'] / gib:5.1f} GiB  [{quants}]")
    print("\nInstalled:")
    for i in out["installed"]:
        fit = i["fit"]["status"] if i.get("fit") else i.get("error", "?")
        dflt = " (default)" if i["id"] == out["default_model"] else ""
        print(f"   {i['id']:<28} {i['size_bytes'] / 1e6:8,.0f} MB  {fit}{dflt}")
    r = out["recommendation"]
    print(f"\nSuggested: {r['model_id']} ({r['quantization']}): {r['reason']}")
    return 0
