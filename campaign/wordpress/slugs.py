"""Slugs from WordPress's: decoded, in Latin letters, and unique.

WordPress keeps the slug of a Russian or Kazakh title percent-encoded (%d0%b7%d0%b0...). The
site's addresses are ASCII (Django's `slug` converter), so such slugs are transliterated
(Cyrillic, with Kazakh's own letters, to Latin); the old address keeps working through its redirect.
"""

from urllib.parse import unquote

from django.utils.text import slugify

CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Kazakh
    "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    # Ukrainian and Belarusian
    "є": "ye", "ї": "yi", "ґ": "g", "ў": "w",
}  # fmt: skip


def transliterate(text):
    return "".join(CYRILLIC.get(char, CYRILLIC.get(char.lower(), char)) for char in text.lower())


def make_slug(*candidates, max_length=100, fallback="item"):
    """The first candidate that gives a non-empty ASCII slug (each may be percent-encoded)."""
    for candidate in candidates:
        slug = slugify(transliterate(unquote(candidate or "")))[:max_length].strip("-")
        if slug:
            return slug
    return fallback[:max_length]


def unique_slug(slug, taken, *, max_length=100):
    """`slug`, or `slug-2`, `slug-3`... whichever is not in `taken` (a set it adds the result to)."""
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = slug[: max_length - len(suffix)].rstrip("-") + suffix
    taken.add(candidate)
    return candidate
