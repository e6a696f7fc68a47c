"""Phone numbers as coordinators type them, kept in E.164 (``+33123456789``).

A French coordinator writes ``01 23 45 67 89``, ``06.12.34.56.78`` or ``+33 1 23 45 67 89``;
one in Nairobi writes ``0712 345678``. Which digits make a number, and how long it is, depends
on each country's numbering plan, so reading is left to ``phonenumbers`` (Google's
libphonenumber metadata, updated with the plans); a number written without its country code
is read in the country of the file's own ``country:`` (an antenna's), passed by the loader as
validation context. What ``tel:`` and ``https://wa.me/`` links and the open data need is the
E.164 form, which the model keeps; pages show the international form (``+33 1 23 45 67 89``),
which dials from any phone.

A value that cannot be a phone number is refused with a sentence that carries the fix: the
number read from it when there is one (quoted, or without its ``Tél.``), else an example of
that country's numbers.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType
from pydantic import BeforeValidator, Field, ValidationInfo
from pydantic_core import PydanticCustomError

_TYPED = re.compile(r"^\+?[0-9 .()\-\u00a0\u202f]+$")
"""What a number may be written with: digits, a leading +, spaces, dots, dashes and
brackets (``+33 (0)1 ...``); anything else (``Tél.``, a second number, ``poste 12``) would be
dropped silently by the parser, so it is refused."""
_NUMBER = re.compile(r"\+?\d[\d .\-\u00a0\u202f]*\d")
"""A run of digits inside a text, for the number read from ``Tél. 01 23 45 67 89``."""
DEFAULT_REGION = "FR"
"""The country assumed for the example of a message when the file has none."""


def _parse(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def international(e164: str) -> str:
    """``+33123456789`` -> ``+33 1 23 45 67 89``, as a reader dials it from anywhere."""
    return phonenumbers.format_number(phonenumbers.parse(e164), PhoneNumberFormat.INTERNATIONAL)


def can_text(e164: str) -> bool:
    """Whether SMS reach this number: a mobile one (a French 01 to 05 line does not)."""
    kind = phonenumbers.number_type(phonenumbers.parse(e164))
    return kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


def example(region: str | None, country: str | None = None) -> str:
    """A mobile number of ``country`` (the file's ``region`` by default, else France) as it
    is written in a file of ``region``: ``06 12 34 56 78`` at home, ``+33 6 ...`` abroad."""
    country = country or region or DEFAULT_REGION
    number = phonenumbers.example_number_for_type(country, PhoneNumberType.MOBILE)
    return _shown(number, region)


def _shown(number: phonenumbers.PhoneNumber, region: str | None) -> str:
    """How to write ``number`` in a file of ``region``: national at home, else international."""
    home = region and phonenumbers.region_code_for_number(number) == region
    return phonenumbers.format_number(
        number, PhoneNumberFormat.NATIONAL if home else PhoneNumberFormat.INTERNATIONAL)


def read_phone(value: Any, region: str | None) -> str:
    """The E.164 form of a typed number, or a ``konexio.phone_*`` error that says what to
    write. ``region`` is the ISO country of the file (None when it has none)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise PydanticCustomError("konexio.phone_text", "write the number as text",
                                  {"value": value, "example": example(region)})
    if not isinstance(value, str):
        # YAML read 0612345678 as the number 612345678: its 0 (or its +) is lost.
        digits = str(value).split(".")[0].lstrip("+-")
        read = _parse("0" + digits, region) if region else None
        read = read or _parse("+" + digits, None)
        raise PydanticCustomError("konexio.phone_quote", "quote the number",
                                  {"value": value, "example": _shown(read, region) if read
                                   else example(region)})
    text = value.strip()
    if not _TYPED.match(text):
        found = [n for n in (_parse(part, region) for part in _NUMBER.findall(text)) if n]
        read = found[0] if len(found) == 1 else None
        raise PydanticCustomError("konexio.phone_letters", "only the number",
                                  {"value": value, "example": _shown(read, region) if read
                                   else example(region)})
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException as error:
        if error.error_type == NumberParseException.INVALID_COUNTRY_CODE and not region:
            read = _parse(text, DEFAULT_REGION)
            raise PydanticCustomError(
                "konexio.phone_country", "add the country code",
                {"value": value, "example": _shown(read, None) if read
                 else example(None)}) from None
        raise PydanticCustomError("konexio.phone_invalid", "not a phone number",
                                  {"value": value, "digits": sum(c.isdigit() for c in text),
                                   "example": example(region)}) from None
    if not phonenumbers.is_valid_number(number):
        home = phonenumbers.region_code_for_country_code(number.country_code)
        known = home if home in phonenumbers.SUPPORTED_REGIONS else None
        raise PydanticCustomError(
            "konexio.phone_invalid", "not a phone number",
            {"value": value, "digits": sum(c.isdigit() for c in text),
             "example": example(region, known)})
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _from_context(value: Any, info: ValidationInfo) -> str:
    context = info.context or {}
    region = context.get("country")
    known = isinstance(region, str) and region in phonenumbers.SUPPORTED_REGIONS
    return read_phone(value, region if known else None)


Phone = Annotated[str, BeforeValidator(_from_context), Field(json_schema_extra={
    "type": "string", "pattern": r"^\+?[0-9 .()\-\u00a0\u202f]+$"})]
"""A phone number as typed (``01 23 45 67 89``, ``+254 712 345678``), kept in E.164."""
