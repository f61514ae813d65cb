"""This app's share of the demo content (`manage.py load_demo_content`). Idempotent."""

from datetime import timedelta

from django.utils import timezone

from prisoners.models import Prisoner
from publishing.languages import set_translations

from . import services
from .models import Petition, Signature

PETITION_SLUG = "urgent-action-for-vadim-kuramshin"

PETITION_TEXT = (
    "<p>Vadim Kuramshin, a human-rights lawyer, spent years documenting torture and abuse in "
    "Kazakhstan's prisons and defending prisoners who had no one else to speak for them. For this he "
    "was arrested, tried in a process that ignored the most basic guarantees of a fair trial, and "
    "sentenced to twelve years.</p>"
    "<p>We, the undersigned, call on you to:</p>"
    "<ul><li>release Vadim Kuramshin immediately and unconditionally;</li>"
    "<li>guarantee his safety and access to medical care and to the lawyers of his choice while he is "
    "held;</li>"
    "<li>stop the persecution of human-rights defenders, trade unionists and journalists in "
    "Kazakhstan.</li></ul>"
)

# The petition in Russian and Kazakh (Cyrillic): written for readers of each, not word for word.
PETITION_TRANSLATIONS = {
    "ru": {
        "title": "Срочная акция в защиту Вадима Курамшина",
        "summary": "Освободите правозащитника, которого посадили за то, что он рассказывал о насилии в "
        "тюрьмах Казахстана.",
        "text": (
            "<p>Правозащитник Вадим Курамшин годами документировал пытки и издевательства в тюрьмах "
            "Казахстана и защищал заключённых, за которых больше некому было заступиться. За это его "
            "арестовали, судили в процессе, где были попраны самые элементарные гарантии справедливого "
            "суда, и приговорили к двенадцати годам лишения свободы.</p>"
            "<p>Мы, нижеподписавшиеся, призываем вас:</p>"
            "<ul><li>немедленно и безоговорочно освободить Вадима Курамшина;</li>"
            "<li>пока он находится под стражей, гарантировать его безопасность, медицинскую помощь и "
            "доступ к адвокатам по его выбору;</li>"
            "<li>прекратить преследование правозащитников, профсоюзных активистов и журналистов в "
            "Казахстане.</li></ul>"
        ),
        "addressee": "Президенту Республики Казахстан",
    },
    "kk": {
        "title": "Вадим Курамшинді қорғауға шұғыл акция",
        "summary": "Қазақстан түрмелеріндегі зорлық-зомбылықты әшкерелегені үшін сотталған құқық "
        "қорғаушыны босатыңыз.",
        "text": (
            "<p>Құқық қорғаушы Вадим Курамшин көп жыл бойы Қазақстан түрмелеріндегі азаптау мен "
            "зорлық-зомбылықты құжаттап, өзге ешкім араша түспеген тұтқындарды қорғады. Сол үшін ол "
            "қамауға алынып, әділ соттың ең қарапайым кепілдіктері аяқасты етілген процесте он екі жылға "
            "сотталды.</p>"
            "<p>Біз, төменде қол қойғандар, Сізді:</p>"
            "<ul><li>Вадим Курамшинді дереу әрі ешқандай шартсыз босатуға;</li>"
            "<li>ол қамауда отырған кезде оның қауіпсіздігіне, медициналық көмек алуына және өзі "
            "таңдаған адвокаттармен кездесуіне кепілдік беруге;</li>"
            "<li>Қазақстандағы құқық қорғаушыларды, кәсіподақ белсенділері мен журналистерді қудалауды "
            "тоқтатуға шақырамыз.</li></ul>"
        ),
        "addressee": "Қазақстан Республикасының Президентіне",
    },
}

# (first name, surname, country, shown publicly) — invented supporters, e-mail addresses at example.org.
SUPPORTERS = [
    ("Aigerim", "Bekova", "KZ", True),
    ("Tom", "Hughes", "GB", True),
    ("Maria", "Schulz", "DE", False),
    ("Jean", "Dupont", "FR", True),
    ("Sofia", "Rossi", "IT", True),
    ("Olga", "Ivanova", "RU", False),
    ("Peter", "Jansen", "NL", True),
    ("Anna", "Kowalska", "PL", True),
    ("Liam", "Murphy", "IE", False),
    ("Erik", "Lindqvist", "SE", True),
    ("Sarah", "Collins", "GB", True),
    ("David", "Evans", "GB", False),
    ("Nurlan", "Sadykov", "KZ", False),
    ("Karin", "Huber", "AT", True),
    ("Pablo", "García", "ES", True),
    ("Emily", "Brown", "US", True),
    ("Hannah", "Weber", "DE", True),
    ("Lukas", "Novak", "CZ", False),
    ("Mette", "Nielsen", "DK", True),
    ("Jamie", "Wilson", "GB", True),
    ("Zhanna", "Tulegenova", "KZ", True),
    ("Ahmet", "Yilmaz", "TR", False),
    ("Chloé", "Martin", "FR", True),
    ("Rosa", "Fernández", "ES", False),
    ("Niamh", "Kelly", "IE", True),
    ("Oskar", "Berg", "NO", True),
    ("Ruth", "Taylor", "GB", False),
    ("Marco", "Bianchi", "IT", True),
    ("Julia", "Fischer", "DE", False),
    ("Mark", "Davies", "AU", True),
    ("Ivan", "Petrenko", "UA", True),
    ("Grace", "Thompson", "CA", False),
    ("Elena", "Popescu", "RO", True),
    ("Bakhyt", "Omarov", "KZ", False),
    ("Laura", "Smith", "GB", True),
    ("Ben", "Clarke", "GB", True),
    ("Ines", "Costa", "PT", True),
    ("Tomasz", "Wiśniewski", "PL", False),
    ("Aino", "Virtanen", "FI", True),
    ("Rachel", "Green", "US", True),
]


def load_content():
    petition, created = Petition.objects.get_or_create(
        slug=PETITION_SLUG,
        defaults={
            "title": "Urgent action for Vadim Kuramshin",
            "summary": "Free the human-rights lawyer jailed for exposing abuse in Kazakhstan's prisons.",
            "text": PETITION_TEXT,
            "addressee": "The President of the Republic of Kazakhstan",
            "goal": 500,
            "status": Petition.Status.PUBLISHED,
        },
    )
    if created:
        services.feature(petition)
        petition.prisoners.add(*Prisoner.objects.filter(slug="vadim-kuramshin"))
    set_translations(petition, PETITION_TRANSLATIONS)
    _add_demo_signatures(petition)


def _add_demo_signatures(petition):
    """Confirmed signatures spread over three weeks, so the chart and the country table show something."""
    now = timezone.now()
    existing = set(petition.signatures.values_list("email", flat=True))
    new = []
    for number, (first_name, last_name, country, shown) in enumerate(SUPPORTERS):
        email = f"supporter{number + 1}@example.org"
        if email in existing:
            continue
        signed_at = now - timedelta(days=20 - (number * number) // 80, hours=number % 7, minutes=number)
        new.append(
            Signature(
                petition=petition,
                first_name=first_name,
                last_name=last_name,
                email=email,
                email_normalised=email,
                country=country,
                show_name_publicly=shown,
                status=Signature.Status.CONFIRMED,
                created_at=signed_at,
                confirmed_at=signed_at + timedelta(minutes=5),
            )
        )
    if new:
        Signature.objects.bulk_create(new)
    # bulk_create skips the counters: set them exactly from the signatures.
    services.reconcile_counts(petition)
