"""Month names, wrapped here so that the site's own catalogues can correct Django's.

Django's Kazakh catalogue capitalises month names ("1 Желтоқсан"), while Kazakh writes them in
lower case inside a date ("2026 жылғы 1 желтоқсан"). The site's catalogues (LOCALE_PATHS) come
before Django's, so the names below, once translated there, win. Nothing imports this module:
`make messages` reads it, and django.utils.dates uses the same strings.
"""

from django.utils.translation import gettext_noop, pgettext_lazy

# The month on its own ("F": "желтоқсан", "декабрь"), as django.utils.dates.MONTHS has it.
MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]

# The month after a day ("E": "1 желтоқсан", "1 декабря"), as django.utils.dates.MONTHS_ALT has it.
MONTHS_AFTER_A_DAY = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
