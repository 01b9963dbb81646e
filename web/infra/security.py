"""Security headers on every response, and no caching of pages that show personal data."""
from urllib.parse import urlsplit

from flask import Flask, g, request


def _tile_origin(app: Flask) -> str:
    parts = urlsplit(app.config["MAP_TILE_URL"].replace("{s}", "a"))
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def init_app(app: Flask) -> None:
    tiles = _tile_origin(app)
    csp = "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        f"img-src 'self' data: {tiles}".strip(),
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ])

    @app.after_request
    def add_headers(response):
        headers = response.headers
        # The embeddable widget sets g.embeddable to allow framing by other sites.
        frame = "*" if g.get("embeddable") else "'none'"
        headers.setdefault("Content-Security-Policy", csp.replace(
            "frame-ancestors 'none'", f"frame-ancestors {frame}"))
        if not g.get("embeddable"):
            headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        headers.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if g.get("private_page") or _is_private(request.path):
            headers["Cache-Control"] = "no-store"
        return response


def _is_private(path: str) -> bool:
    return path.startswith(("/werkruimte", "/beheer", "/account", "/api/v1/supervisor"))
