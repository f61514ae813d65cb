"""A signer's e-mail is plain text: a petition's title reads in it exactly as on its page."""

import pytest

from tests import factories
from tests.mail import last_email_to

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = 'Tom & Jerry\'s <release> "now"'


def test_a_title_with_an_ampersand_or_quotes_reads_as_written_in_the_subject_and_body():
    petition = factories.petition(title=TITLE)
    factories.sign(petition, email="tom@example.org", first_name="Tom & Co")

    message = last_email_to("tom@example.org")

    assert message.subject == f"Please confirm your signature: {TITLE}"
    assert f'signing the petition "{TITLE}"' in message.body
    assert message.body.startswith("Dear Tom & Co,")
    assert "&amp;" not in message.subject + message.body
    assert "&lt;" not in message.subject + message.body
