"""This app's share of the demo content (`manage.py load_demo_content`). Idempotent.

Prisoner profiles tell each story as the campaign reported it in 2013, written from public
reports; where only the month or year of an event is known, the timeline says so instead
of inventing a day. Every embassy and postal address here is an example (example.org):
real addresses must come from the editors.
"""

from datetime import date, datetime

from django.conf import settings
from django.utils import timezone

from campaign.models import Article, Category, Post

from .models import Appeal, Prisoner, PrisonerEvent, Recipient

DAY, MONTH, YEAR = (
    PrisonerEvent.DatePrecision.DAY,
    PrisonerEvent.DatePrecision.MONTH,
    PrisonerEvent.DatePrecision.YEAR,
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
        "status": Prisoner.Status.SENTENCED,
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
            (date(2011, 1, 1), YEAR, "Arrested and accused of extortion", ""),
            (
                date(2012, 8, 1),
                MONTH,
                "Acquitted and released",
                "A court in Petropavlovsk finds him not guilty.",
            ),
            (
                date(2012, 9, 1),
                MONTH,
                "Speaks in Warsaw, and is arrested again",
                "He tells the OSCE's human-rights meeting about torture in Kazakhstan's prisons; "
                "soon after his return the acquittal is overturned and he is taken back into custody.",
            ),
            (date(2012, 12, 1), MONTH, "Sentenced to twelve years", ""),
        ],
    },
    {
        "slug": "roza-tuleteva",
        "name": "Roza Tuleteva",
        "status": Prisoner.Status.SENTENCED,
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
        "status": Prisoner.Status.SENTENCED,
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
        "status": Prisoner.Status.SENTENCED,
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

EMBASSIES = [
    ("GB", "Embassy of the Republic of Kazakhstan in the United Kingdom", "London"),
    ("IE", "Embassy of the Republic of Kazakhstan in Ireland", "Dublin"),
    ("DE", "Embassy of the Republic of Kazakhstan in Germany", "Berlin"),
    ("BE", "Embassy of the Republic of Kazakhstan in Belgium", "Brussels"),
    ("FR", "Embassy of the Republic of Kazakhstan in France", "Paris"),
    ("SE", "Embassy of the Republic of Kazakhstan in Sweden", "Stockholm"),
]

PRESIDENTIAL_ADMINISTRATION = "Presidential Administration of the Republic of Kazakhstan"

APPEAL_SLUG = "paul-murphy-mep-expresses-solidarity-with-workers-at-kazakhmys-metal-foundry"
ARTICLE_SLUG = "angry-protests-erupt-in-zhezkazgan"
# media_library's demo names the video; either spelling of its address is accepted.
PAUL_MURPHY_VIDEO_SLUG = "video-message-from-paul-murphy-for-debate-in-brussels"
KURAMSHIN_VIDEO_SLUG = "irish-foreign-minister-challenged-over-vadim-kuramshin"

LETTER_BODY = """\
I am writing to protest against the plan to close the KazakhMys plants in Zhezkazgan. Shutting the smelter, and with it the enrichment plant in Satpaev, would throw thousands of workers out of work and ruin two towns that live from these plants, for the sake of short-term profit.

I support the workers' demand that the plants be nationalised and run under the democratic control of the workers, who built them, depend on them and should decide their future.

The workers have called a demonstration for 6 July. Peaceful protest in Kazakhstan has too often been met with repression, most terribly in Zhanaozen in December 2011, when police fired on striking oil workers. I call on your government to let the demonstration take place freely and safely.

I also call for the release of Roza Tuleteva of the Zhanaozen strike, who is denied proper medical care, of the human-rights lawyer Vadim Kuramshin and of the poet Aron Atabek, held in solitary confinement.

People across Europe are watching what happens in Zhezkazgan."""  # noqa: E501

APPEAL_BODY = (
    "<p>Paul Murphy, Member of the European Parliament, has sent a protest to the authorities of "
    "Kazakhstan in support of the workers of the KazakhMys metal foundry in Zhezkazgan. The company "
    "wants to close the plant; the workers demand that it be nationalised and placed under their "
    "democratic control, and they have called a mass demonstration for Saturday 6 July.</p>"
    "<p>Earlier protests in Kazakhstan were met with brutal repression, most infamously the police "
    "massacre of striking oil workers in Zhanaozen in December 2011. Roza Tuleteva, a leading figure "
    "of that peaceful strike, is still in prison; the human-rights lawyer Vadim Kuramshin was locked "
    "away after a trial in name only; the poet Aron Atabek is in solitary confinement.</p>"
    "<p>Europe is paying attention to Kazakhstan after recent visits by the President of the "
    "European Commission and the British Prime Minister. If anything happens to the protesters in "
    "Zhezkazgan, that attention will turn into opposition. Add your voice: send the model letter "
    "below to the embassy of Kazakhstan in your country, with a few words of your own.</p>"
)

ARTICLE_BODY = (
    "<p>On the morning of 24 June, hundreds of angry residents of Zhezkazgan gathered outside the "
    "metal foundry of the London-listed company KazakhMys. They had heard that the company would "
    "“place the plant in conservation”, and they took it for what it is: a plan to close the "
    "factory. Their answer was a demand that the foundry, and the other KazakhMys companies in "
    "Zhezkazgan and Satpaev, be nationalised, so that the two towns are not turned into ghost "
    "towns.</p>"
    "<p>As Berik Zhagiparov of the Socialist Movement Kazakhstan put it, the smoke from the "
    "factory chimneys is the sign that there is life in Zhezkazgan. Berik edited the newspaper "
    "Molodezhnaya Gazeta until it was closed this year, and has been detained twice in recent "
    "months for taking part in protests.</p>"
    "<h2>800 jobs to go, and more to follow</h2>"
    "<p>A little over a week earlier, the general director of KazakhMys Smelting announced that the "
    "factory would stop on 1 September. Some 200 office staff would be moved to Balkhash, 500 "
    "workers would stay on and 800 would lose their jobs. People took this to mean that those who "
    "stayed would be dismantling the plant. With rumours that the enrichment plant in Satpaev will "
    "close too, putting another 1,000 workers on the street, about 15,000 people, counting "
    "families, stand to be affected.</p>"
    "<p>Film of the demonstration shows the workers demanding answers from the management. They "
    "remember the huge efforts they made to save the whole Karaganda region from ruin, and they "
    "refuse to pay now for a fall in the world price of copper.</p>"
    "<h2>Bosses and their “representatives” get a rough ride</h2>"
    "<p>The factory director and the deputy mayor told the crowd there were no plans to "
    "“conserve” the plant: most workers would stay, working on reconstruction, perhaps part-time "
    "and on half their present pay. Nobody believed them. Their words contradicted both last "
    "week's announcement and plans revealed in 2011 to demolish the factories and move production "
    "to Balkhash.</p>"
    "<p>The workers then called on the president of the in-house union to speak. He repeated what "
    "the management had said, and was accused of being the director's advocate and of standing "
    "with the bosses instead of his members. Another speaker said that none of the local "
    "representatives had shown any concern for the plant, and proposed that they be recalled and "
    "replaced by people elected to act for the workers.</p>"
    "<h2>Next: 6 July</h2>"
    "<p>During the protest the workers drew up an appeal to the President to nationalise the "
    "factories and keep production, and with it the towns, alive. They know that no one is "
    "listening to them, and they are discussing how to take the struggle further: rallies, strikes "
    "and other action to defend their factory and their future. They are confident that the people "
    "of the towns, whose livelihoods depend on the plants, will support them. Everyone concerned "
    "is called to a new gathering on 6 July.</p>"
    "<p>Messages of solidarity from around the world would give great courage to the working "
    "people of Zhezkazgan: send the model letter in our appeal to the embassy of Kazakhstan in "
    "your country.</p>"
)


def aware(*args):
    return timezone.make_aware(datetime(*args), timezone.get_fixed_timezone(0))


def load_content():
    """Create or update the demo prisoners, recipients, the KazakhMys appeal and its article.

    Idempotent: everything is matched by slug (recipients by country or name), timelines are
    rewritten, and the appeal's count of letters sent is never touched.
    """
    prisoners = {spec["slug"]: load_prisoner(spec) for spec in PRISONERS}
    for code, name, city in EMBASSIES:
        Recipient.objects.update_or_create(
            kind=Recipient.Kind.EMBASSY,
            country=code,
            defaults={
                "name": name,
                "postal_address": f"EXAMPLE ADDRESS (demo data)\n1 Example Street\n{city}",
                "email": f"embassy-{code.lower()}@example.org",
                "phone": "+00 000 000 000",
                "website": f"https://example.org/embassy-{code.lower()}",
                "salutation": "Your Excellency,",
                "is_example": True,
            },
        )
    administration, _ = Recipient.objects.update_or_create(
        kind=Recipient.Kind.CENTRAL,
        name=PRESIDENTIAL_ADMINISTRATION,
        defaults={
            "postal_address": "EXAMPLE ADDRESS (demo data)\n1 Example Avenue\nAstana\nKazakhstan",
            "email": "presidential-administration@example.org",
            "website": "https://example.org/presidential-administration",
            "salutation": "Dear Sir or Madam,",
            "is_example": True,
        },
    )
    load_article()
    load_appeal(prisoners, administration)
    link_videos(prisoners)


def load_prisoner(spec):
    fields = {key: value for key, value in spec.items() if key not in ("slug", "events")}
    prisoner, _ = Prisoner.objects.update_or_create(
        slug=spec["slug"],
        defaults={
            **fields,
            "is_published": True,
            "postal_address": example_prison_address(spec["name"]),
        },
    )
    prisoner.events.all().delete()
    PrisonerEvent.objects.bulk_create(
        PrisonerEvent(prisoner=prisoner, date=day, date_precision=precision, title=title, description=text)
        for day, precision, title, text in spec["events"]
    )
    return prisoner


def load_article():
    article, _ = Article.objects.update_or_create(
        slug=ARTICLE_SLUG,
        defaults={
            "title": "Angry protests erupt in Zhezkazgan",
            "standfirst": "Workers demand nationalisation, not “conservation”, of KazakhMys.",
            "body": ARTICLE_BODY,
            "byline": settings.SITE_NAME,
            "status": Post.Status.PUBLISHED,
            "published_at": aware(2013, 6, 26, 9, 0),
        },
    )
    article.categories.set([Category.objects.get(slug="articles")])
    return article


def load_appeal(prisoners, administration):
    from media_library.models import VideoPost

    video = VideoPost.objects.filter(slug__startswith=PAUL_MURPHY_VIDEO_SLUG).order_by("slug").first()
    appeal, _ = Appeal.objects.update_or_create(
        slug=APPEAL_SLUG,
        defaults={
            "title": "Paul Murphy MEP expresses solidarity with workers at KazakhMys metal foundry",
            "standfirst": "The workers of Zhezkazgan are fighting the closure of their copper smelter. "
            "Send the model protest letter to the embassy of Kazakhstan in your country.",
            "body": APPEAL_BODY,
            "byline": settings.SITE_NAME,
            "status": Post.Status.PUBLISHED,
            "published_at": aware(2013, 7, 3, 10, 0),
            "letter_subject": "Protest: no closure of the KazakhMys plants in Zhezkazgan",
            "letter_salutation": "Dear Sir or Madam,",
            "letter_body": LETTER_BODY,
            "letter_closing": "Yours in protest,",
            "write_to_embassies": True,
            "action_status": Appeal.ActionStatus.OPEN,
            "deadline": None,
            "featured_video": video,
        },
    )
    appeal.categories.set([Category.objects.get(slug="appeals"), Category.objects.get(slug="video")])
    appeal.addressees.set([administration])
    appeal.prisoners.set([prisoners["roza-tuleteva"], prisoners["vadim-kuramshin"], prisoners["aron-atabek"]])
    return appeal


def link_videos(prisoners):
    """Name the prisoners in media_library's demo videos about them, where those exist."""
    from media_library.models import VideoPost

    people_by_video = {
        PAUL_MURPHY_VIDEO_SLUG: ["vadim-kuramshin", "roza-tuleteva", "vladimir-kozlov"],
        KURAMSHIN_VIDEO_SLUG: ["vadim-kuramshin"],
    }
    for slug, people in people_by_video.items():
        for video in VideoPost.objects.filter(slug__startswith=slug):
            video.prisoners.add(*(prisoners[person] for person in people))
