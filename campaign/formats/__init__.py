"""Date and number formats per language (settings.FORMAT_MODULE_PATH), over Django's own.

Templates name a format ("DATE_FORMAT") rather than spelling one out, so that each reader sees
dates in their own language's order and grammar: "1 December 2026", "1 декабря 2026 г."
(Django's Russian formats, used as they are), "2026 жылғы 1 желтоқсан".
"""
