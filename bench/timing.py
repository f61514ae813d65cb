"""Does the time a signing takes tell whether the address had signed before?

Signs new addresses and addresses that signed before, interleaved in a random order, each a
POST through Django's whole stack (middleware, view, service, database, outbox), and prints
both medians side by side, with how often a guess from one timing would be right (a threshold
fitted on half the signings, tried on the other half: 50% is a coin toss).

Run by bench/run.py as `python -m bench.timing [--samples N]` with the bench settings; prints
one line of JSON. It signs a petition of its own, deleted afterwards. Standalone, against any
migrated database: `DEBUG=true DATABASE_URL=postgres://... python -m bench.timing`.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from outbox.models import OutgoingEmail  # noqa: E402
from petitions.models import Petition, Signature  # noqa: E402

WARM_UP = 30


def address(number):
    """A client address of its own for each signing, so that no flood limit applies."""
    return f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"


class Signer:
    def __init__(self, petition):
        self.client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])
        self.url = f"/petitions/{petition.slug}/sign/"
        self.expected = f"/petitions/{petition.slug}/check-your-email/"
        self.requests = 0

    def sign(self, email):
        """Seconds one signing took, from the request to the answer."""
        self.requests += 1
        ip = address(self.requests)
        form = {
            "first_name": "Aigerim",
            "last_name": "Bekova",
            "email": email,
            "country": "KZ",
            "website": "",
        }
        started = time.perf_counter()
        response = self.client.post(self.url, form, REMOTE_ADDR=ip, HTTP_X_FORWARDED_FOR=ip)
        seconds = time.perf_counter() - started
        if response.status_code != 302 or response["Location"] != self.expected:
            raise RuntimeError(f"signing answered {response.status_code}")
        return seconds


def held_out_accuracy(new, again):
    """How often one timing guesses right whether the address had signed: the best threshold
    (and direction) on the even-numbered signings, scored on the odd-numbered ones, and the
    other way round; the mean of the two."""

    def best_threshold(new, again):
        candidates = sorted(new + again)
        best = (0.0, candidates[0], True)
        for threshold in candidates:
            for again_is_slower in (True, False):
                right = score(new, again, threshold, again_is_slower)
                best = max(best, (right, threshold, again_is_slower))
        return best[1:]

    def score(new, again, threshold, again_is_slower):
        def guessed_again(seconds):
            return (seconds > threshold) == again_is_slower

        right = sum(not guessed_again(s) for s in new) + sum(guessed_again(s) for s in again)
        return right / (len(new) + len(again))

    halves = ((new[0::2], again[0::2]), (new[1::2], again[1::2]))
    scores = []
    for (fit_new, fit_again), (test_new, test_again) in (halves, halves[::-1]):
        scores.append(score(test_new, test_again, *best_threshold(fit_new, fit_again)))
    return statistics.mean(scores)


def measure(samples, seed=20111216):
    rng = random.Random(seed)
    run = f"timing{time.time_ns()}"
    petition = Petition.objects.create(
        title="Timing probe", slug=run, summary="-", text="<p>-</p>", addressee="-", goal=1000,
        status=Petition.Status.PUBLISHED, published_at=timezone.now(),
    )  # fmt: skip
    try:
        signer = Signer(petition)
        for number in range(WARM_UP):
            signer.sign(f"{run}-warm-{number}@example.org")
        signed_before = [f"{run}-before-{number}@example.org" for number in range(samples)]
        for email in signed_before:  # an earlier signing of each, not timed
            signer.sign(email)
        order = [("new", f"{run}-new-{number}@example.org") for number in range(samples)]
        order += [("again", email.upper()) for email in signed_before]  # typed differently, as people do
        rng.shuffle(order)
        timings = {"new": [], "again": []}
        for kind, email in order:
            timings[kind].append(signer.sign(email))
        signatures = Signature.objects.filter(petition=petition)
        stored, flagged = signatures.count(), signatures.flagged().count()
        emails = OutgoingEmail.objects.filter(to__startswith=run).count()
    finally:
        petition.delete()  # its signatures and their e-mails with it
    new_ms = [seconds * 1000 for seconds in timings["new"]]
    again_ms = [seconds * 1000 for seconds in timings["again"]]
    return {
        "samples": samples,
        "limits_store": settings.ABUSE_LIMITS_STORE,
        "database": django.db.connection.vendor,
        "new_median_ms": statistics.median(new_ms),
        "again_median_ms": statistics.median(again_ms),
        "new_p90_ms": statistics.quantiles(new_ms, n=10)[-1],
        "again_p90_ms": statistics.quantiles(again_ms, n=10)[-1],
        "guess_accuracy": held_out_accuracy(new_ms, again_ms),
        # Every signing answered and kept once per address, each e-mailed: nothing skipped.
        "stored": stored,
        "flagged": flagged,
        "emails": emails,
        "expected_stored": WARM_UP + 2 * samples,
        "expected_emails": WARM_UP + 3 * samples,
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--samples", type=int, default=300, help="signings of each kind (default: 300)")
    args = parser.parse_args()
    result = measure(args.samples)
    print(
        f"new address: median {result['new_median_ms']:.2f} ms | signed before: median "
        f"{result['again_median_ms']:.2f} ms | a guess from one timing is right "
        f"{100 * result['guess_accuracy']:.0f}% of the time (50% = a coin toss)",
        file=sys.stderr,
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
