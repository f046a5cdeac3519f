"""Counts with their nouns ("1 day", "3 days"): the small grammar every sentence shares."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """`count` and the noun, singular for exactly one ("1 session", "2 sessions")."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def days(count: int) -> str:
    return plural(count, "day")
