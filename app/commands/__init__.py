"""Headless sub-commands of `python main.py`; each module has `register(subparsers, common)`."""
