"""Every CSV the platform writes goes through here, so that no cell becomes a formula.

A spreadsheet reads a cell that starts with = + - @ (or a tab or carriage return before one)
as a formula; business text such as a workpost name can start with anything. Such a cell
gets a leading apostrophe, which spreadsheets show as text and never run (OWASP's advice).
Numbers stay numbers: only text is changed.
"""
import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _SafeWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(stream, **options) -> _SafeWriter:
    """Like csv.writer, with every text cell made safe for spreadsheets."""
    return _SafeWriter(csv.writer(stream, **options))
