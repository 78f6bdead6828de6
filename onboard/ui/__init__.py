"""The window: PySide6 only, and thin. Shows core objects and runs core jobs in workers."""
