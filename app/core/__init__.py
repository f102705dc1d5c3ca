"""Wren's core: everything that is not Qt. Never import PySide6 here (a test enforces it)."""
