"""The shared kernel: services every domain app uses the same way (see docs/architecture.md).

Domain apps import from here; nothing here imports from a domain app.
"""
