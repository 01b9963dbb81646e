"""Deterministic demo data that looks like the real AMA field (shared/DOMAIN.md §4).

Pure functions taking a random.Random; no Flask, no database. `flask seed demo` inserts it.
"""
from seed.demo import DemoPlan

__all__ = ["DemoPlan"]
