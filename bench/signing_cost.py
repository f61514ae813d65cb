"""What one signing costs the server: CPU time and SQL round trips per signing, in-process.

N signings of new addresses, one after another, each a POST through Django's whole stack
(middleware, view, form, service, database, outbox, the task enqueue), each from its own
client address so that no flood limit applies. Prints the median and mean wall time, the CPU
time of this process (Python's share: what four gunicorn workers on two CPUs run out of
first), and the SQL statements per signing. Used to measure the signing work before and after
a change (bench/RESULTS.md, "Signing three times cheaper").

    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/campaign_probe \\
        REDIS_URL=redis://127.0.0.1:6379/13 python -m bench.signing_cost --signings 2000

Against any migrated database; its petition is deleted afterwards.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.timing import Signer  # noqa: E402
from outbox.models import OutgoingEmail  # noqa: E402
from petitions.models import Petition, Signature  # noqa: E402

WARM_UP = 50


def measure(signings):
    run = f"cost{time.time_ns()}"
    petition = Petition.objects.create(
        title="Signing cost probe", slug=run, summary="-", text="<p>-</p>", addressee="-", goal=1000,
        status=Petition.Status.PUBLISHED, published_at=timezone.now(),
    )  # fmt: skip
    try:
        signer = Signer(petition)
        for number in range(WARM_UP):
            signer.sign(f"{run}-warm-{number}@example.org")
        with CaptureQueriesContext(connection) as queries:
            signer.sign(f"{run}-counted@example.org")
        statements = [query["sql"][:100] for query in queries.captured_queries]  # before the log rotates
        wall = []
        cpu_started = time.process_time()
        started = time.perf_counter()
        for number in range(signings):
            wall.append(signer.sign(f"{run}-{number}@example.org"))
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        stored = Signature.objects.filter(petition=petition).count()
        emails = OutgoingEmail.objects.filter(to__startswith=run).count()
    finally:
        petition.delete()
    return {
        "signings": signings,
        "database": connection.vendor,
        "median_ms": 1000 * statistics.median(wall),
        "mean_ms": 1000 * elapsed / signings,
        "cpu_ms": 1000 * cpu / signings,
        "sql_per_signing": len(statements),
        "sql": statements,
        "stored": stored,
        "emails": emails,
        "expected": WARM_UP + 1 + signings,
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--signings", type=int, default=2000)
    args = parser.parse_args()
    result = measure(args.signings)
    print(
        f"{result['signings']} signings: median {result['median_ms']:.2f} ms, "
        f"mean {result['mean_ms']:.2f} ms, "
        f"CPU {result['cpu_ms']:.2f} ms, {result['sql_per_signing']} SQL statements each; "
        f"stored {result['stored']}/{result['expected']}, e-mails {result['emails']}",
        file=sys.stderr,
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
