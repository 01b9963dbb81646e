"""A small map, drawn here as SVG, that shows where a postcode lies in Flanders and Brussels.

Every postcode centre of the service area is a faint dot, so the outline of the region shows
without any map tiles from elsewhere; the chosen postcode is a large dot. It works offline,
needs no script, and the <img> that shows it carries a text alternative.
"""
from functools import lru_cache
from math import cos, radians

import geo

WIDTH = 420
MARGIN = 12


@lru_cache(maxsize=1)
def _frame():
    points = [geo.postcode_centre(pc) for province in geo.SERVICE_PROVINCES
              for pc in geo.postcodes(province)]
    lats = [p.lat for p in points]
    lons = [p.lon for p in points]
    squash = cos(radians(51))  # metres per degree of longitude at Flemish latitudes
    span_x = (max(lons) - min(lons)) * squash
    span_y = max(lats) - min(lats)
    scale = (WIDTH - 2 * MARGIN) / span_x
    height = int(span_y * scale + 2 * MARGIN)

    def project(lat, lon):
        return (MARGIN + (lon - min(lons)) * squash * scale,
                MARGIN + (max(lats) - lat) * scale)

    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.2"/>'
                   for x, y in (project(p.lat, p.lon) for p in points))
    return project, height, dots


def svg(lat: float, lon: float, title: str) -> str:
    project, height, dots = _frame()
    x, y = project(lat, lon)
    safe = (title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" role="img"><title>{safe}</title>'
            f'<rect width="100%" height="100%" fill="#f3f6f5"/>'
            f'<g fill="#9aa7a4">{dots}</g>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="11" fill="#8a3b00" fill-opacity="0.25"/>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#8a3b00" stroke="#fff" '
            f'stroke-width="2"/></svg>')
