"""Matching in the web app: reasons and concerns as sentences (sentences.py)."""
