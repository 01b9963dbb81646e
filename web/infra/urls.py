"""Absolute addresses on the public site (PUBLIC_URL): for the sitemap, the API, the embed
code, printed leaflets and the links in e-mails."""
from flask import current_app


def absolute(path: str) -> str:
    return current_app.config["PUBLIC_URL"].rstrip("/") + path
