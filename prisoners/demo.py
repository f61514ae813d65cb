"""This app's share of the demo content (`manage.py load_demo_content`). Idempotent.

Prisoner profiles tell each story as the campaign reported it in 2013, written from public
reports; where only the month or year of an event is known, the timeline says so instead
of inventing a day. Every postal address here is an example: real ones come from the editors.
"""

from datetime import date

from publishing.models import Publishable

from .models import Prisoner, PrisonerEvent

DAY, MONTH, YEAR = (
    PrisonerEvent.DatePrecision.DAY,
    PrisonerEvent.DatePrecision.MONTH,
    PrisonerEvent.DatePrecision.YEAR,
)
# Changes of status, where an event is one (a fifth item of its row).
DETAINED, SENTENCED, ACQUITTED = (
    PrisonerEvent.StatusChange.DETAINED,
    PrisonerEvent.StatusChange.SENTENCED,
    PrisonerEvent.StatusChange.ACQUITTED,
)

DEMO_NOTE = (
    "<p><em>This demo profile tells the story as the campaign reported it in 2013. Dates given "
    "as a month or a year are approximate.</em></p>"
)


def example_prison_address(name):
    lines = ["EXAMPLE ADDRESS (demo data, do not use)", name, "Institution EX-000/0", "000000 Example Town"]
    return "\n".join([*lines, "Kazakhstan"])


PRISONERS = [
    {
        "slug": "vadim-kuramshin",
        "name": "Vadim Kuramshin",
        "situation": Prisoner.Situation.SENTENCED,
        "summary": "Human-rights lawyer who exposed torture in Kazakhstan's prisons, "
        "sentenced to twelve years in 2012.",
        "charges": "Extortion: he was accused of demanding money from a prosecutor. Human-rights groups "
        "say the case was brought to silence his work on torture.",
        "sentence": "Twelve years in a strict-regime penal colony",
        "place_of_detention": "A penal colony in Kazakhstan (example)",
        "biography": "<p>Vadim Kuramshin is a human-rights lawyer from Petropavlovsk in the north of "
        "Kazakhstan. For years he took up the complaints of prisoners and documented beatings and "
        "torture in the country's penal colonies.</p>"
        "<p>Arrested on an extortion charge, he was held for months and then acquitted in the summer "
        "of 2012. Weeks later he described torture in Kazakhstan's prisons to an international "
        "human-rights meeting of the OSCE in Warsaw. On his return he was arrested again, the "
        "acquittal was set aside and he was sentenced to twelve years, in proceedings that were a "
        "trial in name only.</p>"
        "<p>Trade unionists and members of parliament in Ireland, Britain and the European "
        "Parliament have taken up his case.</p>" + DEMO_NOTE,
        "events": [
            (date(2011, 1, 1), YEAR, "Arrested and accused of extortion", "", DETAINED),
            (
                date(2012, 8, 1),
                MONTH,
                "Acquitted and released",
                "A court in Petropavlovsk finds him not guilty.",
                ACQUITTED,
            ),
            (
                date(2012, 9, 1),
                MONTH,
                "Speaks in Warsaw, and is arrested again",
                "He tells the OSCE's human-rights meeting about torture in Kazakhstan's prisons; "
                "soon after his return the acquittal is overturned and he is taken back into custody.",
                DETAINED,
            ),
            (date(2012, 12, 1), MONTH, "Sentenced to twelve years", "", SENTENCED),
        ],
    },
    {
        "slug": "roza-tuleteva",
        "name": "Roza Tuleteva",
        "situation": Prisoner.Situation.SENTENCED,
        "summary": "Oil worker and a leading voice of the 2011 Zhanaozen strike, "
        "jailed after the police massacre of December 2011.",
        "charges": "Organising mass disorder, over the events in Zhanaozen in December 2011.",
        "sentence": "Seven years in prison",
        "place_of_detention": "A women's penal colony in Kazakhstan (example)",
        "biography": "<p>Roza Tuleteva worked in the oil fields around Zhanaozen, in the west of "
        "Kazakhstan. When thousands of oil workers struck in May 2011 for fair pay and the right to "
        "a union of their own choosing, she became one of the strike's best-known spokespeople, "
        "speaking to journalists and supporters abroad.</p>"
        "<p>The strike lasted for months. On 16 December 2011 police opened fire on strikers and "
        "residents in the town square, killing at least fourteen people by the official count. "
        "Instead of the officers who fired, it was the strikers who were put on trial. In June 2012 "
        "a court in Aktau sentenced Roza Tuleteva to seven years; she told the court she had been "
        "tortured in custody.</p>"
        "<p>In prison her health has suffered and she has been denied proper medical care.</p>" + DEMO_NOTE,
        "events": [
            (date(2011, 5, 1), MONTH, "Oil workers in Zhanaozen go on strike", ""),
            (
                date(2011, 12, 16),
                DAY,
                "Police fire on strikers and residents in Zhanaozen",
                "At least fourteen people are killed, by the official count, and many more wounded.",
            ),
            (date(2012, 1, 1), YEAR, "Arrested and charged with organising mass disorder", ""),
            (
                date(2012, 6, 1),
                MONTH,
                "Sentenced to seven years in Aktau",
                "She tells the court she was tortured in custody.",
            ),
        ],
    },
    {
        "slug": "aron-atabek",
        "name": "Aron Atabek",
        "situation": Prisoner.Situation.SENTENCED,
        "summary": "Poet and writer jailed over the 2006 Shanyrak protests against housing "
        "demolitions, held in solitary confinement.",
        "charges": "Organising mass disorder, over the clashes at Shanyrak, on the edge of Almaty, in 2006.",
        "sentence": "Eighteen years",
        "place_of_detention": "A closed prison in Kazakhstan (example)",
        "biography": "<p>Aron Atabek is a poet and writer. In 2006 the authorities set out to "
        "demolish the homes of the Shanyrak settlement on the edge of Almaty, and the residents "
        "resisted. Atabek stood with them, and when the demolition ended in clashes with the police "
        "he was arrested as one of the organisers.</p>"
        "<p>He was sentenced to eighteen years. In prison he kept writing, and after writings of his "
        "critical of the president were published outside, he was put in solitary confinement. He "
        "is held there because of his political opposition to the regime.</p>" + DEMO_NOTE,
        "events": [
            (
                date(2006, 7, 1),
                MONTH,
                "Clashes at Shanyrak; arrested",
                "Residents resist the demolition of their homes on the edge of Almaty.",
            ),
            (date(2007, 1, 1), YEAR, "Sentenced to eighteen years", ""),
            (date(2012, 1, 1), YEAR, "Moved to solitary confinement", ""),
        ],
    },
    {
        "slug": "vladimir-kozlov",
        "name": "Vladimir Kozlov",
        "situation": Prisoner.Situation.SENTENCED,
        "summary": "Leader of the opposition party Alga!, jailed for standing with the "
        "Zhanaozen oil workers.",
        "charges": "Inciting social discord, calling for the overthrow of the constitutional order, and "
        "leading a criminal group.",
        "sentence": "Seven and a half years, with confiscation of property",
        "place_of_detention": "A penal colony in Kazakhstan (example)",
        "biography": "<p>Vladimir Kozlov leads Alga!, an opposition party the authorities refused to "
        "register. During the 2011 oil workers' strike in Zhanaozen he supported the strikers and "
        "made their case known abroad, including to members of the European Parliament.</p>"
        "<p>After the massacre in Zhanaozen he was arrested and tried in Aktau, accused of stirring "
        "up the strike. In October 2012 he was sentenced to seven and a half years. International "
        "observers criticised the trial as political.</p>" + DEMO_NOTE,
        "events": [
            (date(2011, 1, 1), YEAR, "Speaks for the striking oil workers at home and abroad", ""),
            (date(2012, 1, 1), MONTH, "Arrested in Almaty", ""),
            (date(2012, 10, 1), MONTH, "Sentenced in Aktau to seven and a half years", ""),
        ],
    },
]


def load_content():
    """Create or update the demo prisoner profiles; their timelines are rewritten."""
    for spec in PRISONERS:
        load_prisoner(spec)


def load_prisoner(spec):
    fields = {key: value for key, value in spec.items() if key not in ("slug", "events")}
    prisoner, _ = Prisoner.objects.update_or_create(
        slug=spec["slug"],
        defaults={
            **fields,
            "status": Publishable.Status.PUBLISHED,
            "postal_address": example_prison_address(spec["name"]),
        },
    )
    prisoner.events.all().delete()
    PrisonerEvent.objects.bulk_create(
        PrisonerEvent(
            prisoner=prisoner,
            date=day,
            date_precision=precision,
            title=title,
            description=text,
            status_change=change[0] if change else PrisonerEvent.StatusChange.NONE,
        )
        for day, precision, title, text, *change in spec["events"]
    )
    # The profile's situation follows the changes of status in its timeline, as in the admin.
    prisoner.follow_status_events()
    return prisoner
