"""Wren: offline desktop chat for small language models."""
__version__ = "0.1.0"
APP_NAME = "Wren"
