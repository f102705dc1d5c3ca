"""Wren's PySide6 user interface: widgets and the thin workers that run core jobs on threads."""
