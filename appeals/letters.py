"""The model letter as one supporter sends it: who it goes to, its text and its mailto: link.

Nothing here is stored: the supporter's name, town and paragraph live only in the letter
shown back to them. static/js/letter.js composes the same text in the browser (so that,
with JavaScript, the name never reaches the server); keep the two in step.
"""

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from publishing.languages import field_language

# Longer mailto: links are cut short or refused by some mail programs and by Windows,
# which hands the program no more than about 2,000 characters. Beyond this we offer
# copy and paste instead.
MAILTO_MAX_LENGTH = 1800


def mailto_url(to, cc=(), subject="", body=""):
    """A mailto: link (RFC 6068) with every part percent-encoded as UTF-8.

    Addresses are separated by commas; line breaks in the body are sent as CRLF ("%0D%0A"),
    as the RFC asks. Decoding the subject and body gives back exactly what went in.
    """
    url = "mailto:" + ",".join(quote(address, safe="@") for address in to)
    fields = []
    if cc:
        fields.append("cc=" + ",".join(quote(address, safe="@") for address in cc))
    if subject:
        fields.append("subject=" + quote(subject, safe=""))
    if body:
        fields.append("body=" + quote(normalise_newlines(body).replace("\n", "\r\n"), safe=""))
    return url + ("?" + "&".join(fields) if fields else "")


def normalise_newlines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


def one_line(text):
    """A name or town on one line with single spaces, whatever was typed or pasted."""
    return " ".join(text.split())


def emails_of(recipients):
    return [recipient.email for recipient in recipients if recipient.email]


@dataclass(frozen=True)
class Letter:
    """One supporter's letter: the appeal's model letter, their paragraph and their signature."""

    to: tuple
    cc: tuple
    subject: str
    salutation: str
    body: str
    closing: str
    personal: str = ""
    name: str = ""
    town: str = ""
    date: date = field(default_factory=timezone.localdate)
    # The language the model letter is written in (the visitor's, or the original's).
    language: str = ""

    @property
    def opening(self):
        """Salutation and model text: the part the supporter does not write."""
        return "\n\n".join(part for part in (self.salutation, self.body) if part)

    @property
    def signature(self):
        return "\n".join(part for part in (self.closing, self.name, self.town) if part)

    @property
    def text(self):
        """The whole letter as plain text, as it is copied or put into an e-mail."""
        return "\n\n".join(part for part in (self.opening, self.personal, self.signature) if part)

    @property
    def addressee(self):
        """Who the printed letter is addressed to (the first recipient); the rest are copies."""
        return self.to[0] if self.to else None

    @property
    def copies(self):
        return (*self.to[1:], *self.cc)

    @property
    def to_emails(self):
        # A recipient without an e-mail address takes letters by post only; when no main
        # recipient has one, the copied addressees move up into "to".
        return emails_of(self.to) or emails_of(self.cc)

    @property
    def cc_emails(self):
        return emails_of(self.cc) if emails_of(self.to) else []

    @property
    def can_be_emailed(self):
        return bool(self.to_emails)

    @property
    def mailto_without_body(self):
        """Addresses and subject only: for letters too long to travel in the link."""
        if not self.can_be_emailed:
            return ""
        return mailto_url(self.to_emails, self.cc_emails, self.subject)

    @property
    def full_mailto(self):
        if not self.can_be_emailed:
            return ""
        return mailto_url(self.to_emails, self.cc_emails, self.subject, self.text)

    @property
    def mailto(self):
        """The link that opens the whole letter in the supporter's e-mail program, or "" when
        the letter is too long for one (then the page offers copy instead)."""
        url = self.full_mailto
        return url if len(url) <= MAILTO_MAX_LENGTH else ""

    @property
    def is_too_long_for_mailto(self):
        return self.can_be_emailed and not self.mailto


def compose_letter(appeal, *, embassy=None, name="", town="", personal="", today=None):
    """The appeal's model letter addressed for one supporter.

    With an embassy (and an appeal that writes to embassies) the letter goes to the embassy
    with copies to the appeal's central addressees; otherwise straight to the central
    addressees. The salutation is the main recipient's own, else the appeal's. In the
    visitor's language when the model letter has a version in it, else in the original.
    """
    central = tuple(appeal.addressees.all())
    if embassy is not None and appeal.write_to_embassies:
        to, cc = (embassy,), central
    else:
        to, cc = central, ()
    # The letter is in the visitor's language when the appeal's letter has a version in it,
    # else in the original; every part of it then is, the salutation too: a recipient's own
    # salutation is used only when it exists in that language, never another's.
    language = field_language(appeal, "letter_body")
    with translation.override(language):
        own = (getattr(to[0], f"salutation_{language}", None) or "") if to else ""
        salutation = own or appeal.letter_salutation or _("Dear Sir or Madam,")
        subject = appeal.letter_subject or appeal.title
        body = appeal.letter_body
        closing = appeal.letter_closing
    return Letter(
        to=to,
        cc=cc,
        subject=subject,
        salutation=salutation.strip(),
        body=normalise_newlines(body).strip(),
        closing=closing.strip(),
        personal=normalise_newlines(personal).strip(),
        name=one_line(name),
        town=one_line(town),
        date=today or timezone.localdate(),
        language=language,
    )
