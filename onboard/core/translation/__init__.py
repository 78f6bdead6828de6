"""Offline translation: language packs, the engine, protection of names and numbers, memory and dictionary."""
