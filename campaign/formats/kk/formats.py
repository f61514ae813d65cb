# Django has no Kazakh formats (it would fall back to English: "Dec. 1, 2026", "12,345").
# Kazakh puts the year first ("2026 жылғы 1 желтоқсан") and groups thousands with a space.
# Month names come from the catalogue (lower case, as Kazakh writes them: campaign/formats/month_names.py).
DATE_FORMAT = "Y жылғы j E"
DATETIME_FORMAT = "Y жылғы j E, H:i"
YEAR_MONTH_FORMAT = "Y жылғы F"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # a non-breaking space
NUMBER_GROUPING = 3
