"""Only follow `next=` to a path on this site, never to another host."""
from urllib.parse import urlsplit


def safe_next(target: str | None, fallback: str) -> str:
    if not target:
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    if "\\" in target:
        return fallback
    return target
