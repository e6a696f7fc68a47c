"""The picture a messaging app shows with a link to the site (Open Graph's ``og:image``).

Drawn at build time from the data with Pillow, without a network: the name, the places
where Konexio teaches and the address of the site. Only Latin text is drawn (Pillow
without libraqm cannot shape Arabic or Dari), so one picture serves every language; the
card's title and description, which the app writes itself, are in the page's language.
The PNG carries no date: two builds of the same data give the same bytes.
"""

from __future__ import annotations

from io import BytesIO
from urllib.parse import urlsplit

from PIL import Image, ImageDraw, ImageFont

from konexio.pages.views import Site

WIDTH, HEIGHT = 1200, 630
"""The size Facebook, WhatsApp and LinkedIn recommend (1.91:1)."""
PATH = "assets/images/share.png"
"""Where the picture lives, from the root of the site (the French build writes it)."""
BACKGROUND = (48, 63, 159)
INK = (255, 255, 255)
SOFT = (220, 225, 255)


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _fit(draw: ImageDraw.ImageDraw, text: str, size: int, width: int):
    """The largest font up to ``size`` in which ``text`` fits in ``width`` pixels."""
    while size > 18 and draw.textlength(text, font=_font(size)) > width:
        size -= 2
    return _font(size)


def share_image(site: Site) -> bytes:
    """The PNG of the site's share card."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin = 80
    # A laptop, like the site's logo: a screen and a base.
    draw.rounded_rectangle((margin, 90, margin + 150, 190), radius=10, outline=INK, width=10)
    draw.rectangle((margin - 25, 200, margin + 175, 214), fill=INK)
    draw.text((margin + 210, 90), "Konexio", font=_font(110), fill=INK)
    places = " · ".join(antenna.name.fr for _id, antenna in site.antennas())
    draw.text((margin, 300), places, font=_fit(draw, places, 52, WIDTH - 2 * margin), fill=INK)
    # The programs' families (DigitAll, DigiStart...): names that need no translation.
    families = dict.fromkeys(program.name.fr.split()[0] for _id, program in site.programs())
    line = " · ".join(families)
    draw.text((margin, 390), line, font=_fit(draw, line, 44, WIDTH - 2 * margin), fill=SOFT)
    host = urlsplit(site.site_url).netloc or "konexio"
    draw.text((margin, 520), host, font=_font(40), fill=SOFT)
    out = BytesIO()
    # zlib's default level: `optimize` (level 9 and a filter search) saves 4 % of 38 KB for
    # three times the time (50 ms), on the path before the engine starts.
    image.save(out, format="PNG")
    return out.getvalue()
