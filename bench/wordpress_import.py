"""The WordPress import at scale: a generated export of 10,000 posts, imported, then imported again.

    python bench/wordpress_import.py                      # 10,000 posts on a fresh SQLite file
    python bench/wordpress_import.py --posts 500          # quicker
    python bench/wordpress_import.py --database-url postgres://postgres@127.0.0.1:5432/campaign_wp_bench

The export is written like WordPress's (tests/campaign/wordpress/exports.py): each post in two of twelve
categories (three of them children) with three tags, a 400-word body in paragraphs; every tenth
post has a captioned image from wp-content/uploads and a featured image, every fifth a YouTube
address alone on a line, every third links to the post before it. `manage.py import_wordpress`
runs in its own process (production-like: DEBUG off, no progress bar) so that its peak memory
(maximum resident set size) is its own. A PostgreSQL database named in --database-url is dropped
and created afresh.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.campaign.wordpress import exports  # noqa: E402

SENTENCE = (
    "workers gathered outside the foundry demanding nationalisation of the plant and an end to the "
    "repression of independent trade unions in Zhezkazgan Satpaev and Zhanaozen while the company "
    "announced closures"
)
WORDS = SENTENCE.split()
CATEGORIES = 12
TAGS = 60


def paragraph(number, words=80):
    return " ".join(WORDS[(number + index) % len(WORDS)] for index in range(words)).capitalize() + "."


def post_item(number):
    wp_id = 10_000 + number
    day = f"2013-{1 + number % 12:02}-{1 + number % 28:02} 10:{number % 60:02}:00"
    parts = [paragraph(number + n) for n in range(5)]
    meta = {}
    if number % 10 == 0:
        image = f"2013/{1 + number % 12:02}/photo-{number}.jpg"
        parts.insert(
            1,
            f'[caption id="attachment_{number}" width="300"]<img src="{exports.SITE}/wp-content/uploads/'
            f'{image.replace(".jpg", "-300x169.jpg")}" alt="Workers at the gates" width="300" height="169" />'
            " Workers at the gates[/caption]",
        )
        meta["_thumbnail_id"] = str(number)
    if number % 5 == 0:
        parts.insert(2, "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    if number % 3 == 0 and number:
        previous = number - 1
        previous_day = f"2013/{1 + previous % 12:02}/{1 + previous % 28:02}"
        parts.append(
            f'See also <a href="{exports.SITE}/index.php/{previous_day}/report-{previous}/">the report</a>.'
        )
    categories = [(f"category-{number % CATEGORIES}", f"Category {number % CATEGORIES}")]
    categories.append((f"category-{(number + 5) % CATEGORIES}", f"Category {(number + 5) % CATEGORIES}"))
    tags = [(f"tag-{(number + n) % TAGS}", f"Tag {(number + n) % TAGS}") for n in range(3)]
    return exports.item(
        wp_id,
        f"Report {number} from Zhezkazgan",
        slug=f"report-{number}",
        date=day,
        content="\n\n".join(parts),
        excerpt="Workers demand nationalisation." if number % 2 else "",
        categories=categories,
        tags=tags,
        sticky=number == 0,
        meta=meta,
        comments=number % 4,
    )


def write_export(folder, posts):
    """The export file and its uploads folder; returns (export path, uploads path, images)."""
    images = list(range(0, posts, 10))
    uploads = exports.uploads(folder, *[f"2013/{1 + n % 12:02}/photo-{n}.jpg" for n in images])
    path = Path(folder) / "export.xml"
    head = exports.export(
        authors=[
            exports.author("admin", "Campaign Kazakhstan", 1),
            exports.author("rosa", "Rosa Tuleteva", 2),
        ],
        categories=[
            exports.category(
                f"category-{n}",
                f"Category {n}",
                term_id=n + 1,
                parent="category-0" if n in (9, 10, 11) else "",
            )
            for n in range(CATEGORIES)
        ],
        tags=[exports.tag(f"tag-{n}", f"Tag {n}", term_id=100 + n) for n in range(TAGS)],
    )
    opening, closing = head.split("<generator>", 1)
    closing = "<generator>" + closing
    generator, tail = closing.split("\n", 1)
    with path.open("w", encoding="utf-8") as file:
        file.write(opening + generator + "\n")
        for number in images:
            file.write(
                exports.attachment(
                    number, f"2013/{1 + number % 12:02}/photo-{number}.jpg", title=f"Photo {number}"
                )
            )
            file.write("\n")
        for number in range(posts):
            file.write(post_item(number))
            file.write("\n")
        file.write(tail)
    return path, uploads, len(images)


def recreate_postgres(database_url):
    import psycopg

    admin_url, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def timed_import(env, export, uploads):
    """Seconds and peak memory (bytes) of one `manage.py import_wordpress` in its own process."""
    script = (
        "import resource, sys, time, django, io\n"
        "django.setup()\n"
        "from django.core.management import call_command\n"
        "out = io.StringIO()\n"
        "started = time.monotonic()\n"
        "call_command('import_wordpress', sys.argv[1], '--uploads', sys.argv[2], stdout=out)\n"
        "seconds = time.monotonic() - started\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024\n"
        "import json; print(json.dumps({'seconds': seconds, 'peak': peak, 'report': out.getvalue()}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(export), str(uploads)],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(posts, database_url=None):
    """{posts, images, file_bytes, seconds, posts_per_second, peak_bytes, again_seconds, report}."""
    with tempfile.TemporaryDirectory(prefix="wordpress-bench-") as folder:
        started = time.monotonic()
        export, uploads, images = write_export(folder, posts)
        generated = time.monotonic() - started
        if database_url:
            recreate_postgres(database_url)
        else:
            database_url = f"sqlite:///{folder}/bench.sqlite3"
        env = {
            **os.environ,
            "DEBUG": "true",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": f"{folder}/media",
            "DJANGO_SETTINGS_MODULE": "campaign.settings",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
        )
        first = timed_import(env, export, uploads)
        again = timed_import(env, export, uploads)
        return {
            "posts": posts,
            "images": images,
            "file_bytes": export.stat().st_size,
            "generated_seconds": generated,
            "database": database_url.split(":", 1)[0],
            "seconds": first["seconds"],
            "posts_per_second": posts / first["seconds"],
            "peak_bytes": first["peak"],
            "again_seconds": again["seconds"],
            "again_peak_bytes": again["peak"],
            "report": first["report"],
            "again_report": again["report"],
        }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--database-url", help="a PostgreSQL database to (re)create; default: a SQLite file")
    args = parser.parse_args()
    result = measure(args.posts, args.database_url)
    print(result["report"])
    print(
        f"\n{result['posts']:,} posts and {result['images']:,} images in a "
        f"{result['file_bytes'] / 1e6:.1f} MB export on {result['database']}: "
        f"imported in {result['seconds']:.1f}s ({result['posts_per_second']:.0f} posts/s), "
        f"peak memory {result['peak_bytes'] / 1e6:.0f} MB; imported again (nothing to change) in "
        f"{result['again_seconds']:.1f}s, peak {result['again_peak_bytes'] / 1e6:.0f} MB."
    )


if __name__ == "__main__":
    main()
