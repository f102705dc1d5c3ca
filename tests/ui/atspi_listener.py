"""Listens on the AT-SPI bus as a screen reader does and writes one JSON line per event.

Run with the system Python that has PyGObject and Atspi (python3-gi, gir1.2-atspi-2.0):
`python3 atspi_listener.py OUT.jsonl object:` (event kinds as libatspi names them).
"""
import json
import sys

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

out = open(sys.argv[1], "a", buffering=1)

def on_event(ev):
    try:
        data = ev.any_data
        if not isinstance(data, (str, int, float, type(None))):
            data = str(data)
        src = ev.source.get_name() if ev.source is not None else ""
        out.write(json.dumps({"type": ev.type, "detail1": ev.detail1, "any_data": data,
                              "source": src}) + "\n")
    except Exception as e:  # an application that went away: keep listening
        out.write(json.dumps({"type": "listener-error", "any_data": repr(e)}) + "\n")

listener = Atspi.EventListener.new(on_event)
for kind in sys.argv[2:]:
    listener.register(kind)
out.write(json.dumps({"type": "listening"}) + "\n")
GLib.timeout_add_seconds(600, lambda: Atspi.event_quit())  # never outlives a test run
Atspi.event_main()
