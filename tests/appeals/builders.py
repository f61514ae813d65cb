"""One-line builders for appeals, recipients and prisoner profiles in tests."""

from datetime import timedelta
from itertools import count

from django.utils import timezone

from appeals.models import Appeal, Prisoner, Recipient
from campaign.models import Post

_sequence = count(1)

LETTER_BODY = (
    "I am writing to protest against the closure of the KazakhMys plants in Zhezkazgan.\n\n"
    "I support the workers' demand that the plants be nationalised."
)


def embassy(code="DE", name=None, **fields):
    return Recipient.objects.create(
        kind=Recipient.Kind.EMBASSY,
        country=code,
        name=name or f"Embassy of Kazakhstan ({code})",
        postal_address=fields.pop("postal_address", f"1 Example Street\nCapital of {code}"),
        email=fields.pop("email", f"embassy-{code.lower()}@example.org"),
        salutation=fields.pop("salutation", "Your Excellency,"),
        is_example=fields.pop("is_example", True),
        **fields,
    )


def central_addressee(name="Presidential Administration of the Republic of Kazakhstan", **fields):
    return Recipient.objects.create(
        kind=Recipient.Kind.CENTRAL,
        name=name,
        postal_address=fields.pop("postal_address", "1 Example Avenue\nAstana\nKazakhstan"),
        email=fields.pop("email", "presidential-administration@example.org"),
        **fields,
    )


def appeal(title=None, addressees=(), categories=(), prisoners=(), days_ago=1, **fields):
    number = next(_sequence)
    new = Appeal.objects.create(
        title=title or f"No closure in Zhezkazgan, appeal {number}",
        slug=fields.pop("slug", f"appeal-{number}"),
        status=fields.pop("status", Post.Status.PUBLISHED),
        published_at=fields.pop("published_at", timezone.now() - timedelta(days=days_ago)),
        standfirst=fields.pop("standfirst", "Send the model letter to the embassy in your country."),
        letter_subject=fields.pop("letter_subject", "Protest: no closure of the KazakhMys plants"),
        letter_salutation=fields.pop("letter_salutation", "Dear Sir or Madam,"),
        letter_body=fields.pop("letter_body", LETTER_BODY),
        **fields,
    )
    new.addressees.set(addressees)
    new.categories.set(categories)
    new.prisoners.set(prisoners)
    return new


def prisoner(name="Roza Tuleteva", **fields):
    number = next(_sequence)
    return Prisoner.objects.create(
        name=name,
        slug=fields.pop("slug", f"prisoner-{number}"),
        is_published=fields.pop("is_published", True),
        status=fields.pop("status", Prisoner.Status.SENTENCED),
        summary=fields.pop("summary", "Oil worker jailed after the Zhanaozen strike."),
        **fields,
    )
