"""`make bench`: one small server against the busiest petition day on record, measured side by side.

Builds everything it needs (a PostgreSQL database, seeded content, hashed static files,
gunicorn with production settings), measures, prints the tables and exits:

1. seed 1,000 posts in 6 categories, 50 prisoners, 5 petitions, one with 1,000,000
   confirmed signatures; count each page's SQL queries (and again after the site grows);
2. page cache off: a minimal Django view (the baseline), each page, and signing at 8 and
   at 32 concurrent signers; then raw psycopg INSERT+COMMIT, the floor under signing;
3. page cache on, as in production: each page, page weight and caching headers, then the
   petition day (page views and signatures together, at fixed rates);
4. signing again with the mail server stalled, gunicorn and the task worker both pointed at it;
5. the CSV export of the million signatures;
6. whether the time a signing takes tells if the address had signed (bench/timing.py), with the
   limits' counters in Redis and in the database;
7. the WordPress import of a generated export of 10,000 posts (bench/wordpress_import.py), twice;
8. an update to 100,000 signers (bench/update_mailing.py, its own database campaign_bench_updates):
   the send request, listing recipients, handing them to the outbox, delivery at the rate.

`--quick` (`make bench QUICK=1`) does the same with small volumes in a few minutes, for CI:
its figures only show that the suite works.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import lighthouse, load, rawinsert, stack, update_mailing, weight, wordpress_import
from bench.tables import DAY_PAGE_VIEWS_PER_SECOND, DAY_SIGNATURES_PER_SECOND, Measurements, build

# Paced a little above the petition day's targets, so that timer slack cannot drop below them.
PACING_HEADROOM = 1.05
DAY_VIEW_CONNECTIONS = 128
DAY_SIGNING_CONNECTIONS = 32


@dataclass(frozen=True)
class Plan:
    posts: int
    prisoners: int
    signatures: int
    small_signatures: int  # on each of the four other petitions
    seconds: int  # each measured load run
    warmup_seconds: int
    day_seconds: int
    raw_seconds: int
    wordpress_posts: int
    update_signers: int
    concurrency: int = 32
    low_concurrency: int = 8
    timing_samples: int = 500  # signings of each kind (new address, signed before)


FULL = Plan(
    posts=1000, prisoners=50, signatures=1_000_000, small_signatures=2000,
    seconds=15, warmup_seconds=3, day_seconds=60, raw_seconds=10, wordpress_posts=10_000,
    update_signers=100_000,
)  # fmt: skip
QUICK = Plan(
    posts=100, prisoners=10, signatures=20_000, small_signatures=200,
    seconds=3, warmup_seconds=1, day_seconds=10, raw_seconds=3, timing_samples=100, wordpress_posts=500,
    update_signers=5000,
)  # fmt: skip


def step(message):
    print(f"--- {message}", flush=True)


class Bench:
    def __init__(self, plan, workers, work_dir):
        self.plan = plan
        self.workers = workers
        self.work_dir = work_dir
        self.env = stack.bench_env(work_dir)
        self.log = work_dir / "servers.log"
        self.measured = Measurements()

    def run(self):
        self.prepare()
        self.count_queries()
        self.bare_reference()
        self.without_page_cache()
        self.raw_inserts()
        self.with_page_cache()
        self.with_local_memory_cache()
        self.with_stalled_mail_server()
        self.export()
        self.signing_time()
        self.wordpress()
        self.update_mailing()
        # The machine is shared: what else ran shows in the load average, beside the figures.
        self.measured.setup["machine"] += f", {os.getloadavg()[0]:.1f} after"

    # --- setting up -------------------------------------------------------------------

    def prepare(self):
        plan, setup = self.plan, self.measured.setup
        setup["machine"] = f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} before the run"
        step("Creating the database, migrating, collecting static files")
        stack.prepare(self.env)
        step(
            f"Seeding {plan.posts:,} posts, {plan.prisoners} prisoners, 5 petitions, "
            f"{plan.signatures:,} signatures"
        )
        started = time.monotonic()
        self.seeded = seeded = stack.run_module(
            self.env, "bench.seed",
            "--posts", str(plan.posts), "--prisoners", str(plan.prisoners),
            "--signatures", str(plan.signatures), "--small-signatures", str(plan.small_signatures),
        )  # fmt: skip
        setup["seeded"] = (
            f"{seeded['posts_total']:,} posts in 6 categories, {plan.prisoners} prisoners, 5 petitions, "
            f"{seeded['petition_count']:,} confirmed signatures on one (in {time.monotonic() - started:.0f}s)"
        )
        setup["server"] = (
            f"gunicorn, {self.workers} sync workers, production settings; Redis cache; PostgreSQL "
            f"{stack.postgres_version()}; the listening socket defers accept until a request arrives"
        )
        setup["load"] = (
            f"wrk, 2 threads, {plan.concurrency} connections, {plan.seconds}s per figure after a warm-up"
        )
        setup["petition day"] = f"{plan.day_seconds}s at fixed rates"

        self.deep_page = min(40, seeded["category_pages"])
        category = f"/category/{seeded['category']}/"
        self.petition_path = f"/petitions/{seeded['petition']}/"
        self.pages = {
            "home": "/",
            "category p1": category,
            f"category p{self.deep_page}": f"{category}?page={self.deep_page}",
            "post": f"/posts/{seeded['posts'][0]}/",
            "prisoner": f"/prisoners/{seeded['prisoners'][0]}/",
            f"petition ({seeded['petition_count']:,} signatures)": self.petition_path,
        }

    @contextmanager
    def server(self, env):
        """gunicorn, warmed up: every worker has booted and served each page before anything is measured."""
        with stack.gunicorn(env, self.workers, self.log) as url:
            load.run(
                url, self.plan.warmup_seconds * 2, self.plan.concurrency, paths=list(self.pages.values())
            )
            yield url

    def measure(self, url, path):
        load.run(url, self.plan.warmup_seconds, self.plan.concurrency, paths=[path])
        return load.run(url, self.plan.seconds, self.plan.concurrency, paths=[path])

    # --- measuring ---------------------------------------------------------------------

    def count_queries(self):
        step("Counting SQL queries per page")
        self.measured.queries = stack.run_module(
            self.env, "bench.probes", "queries", json.dumps(self.seeded), str(self.deep_page)
        )

    def bare_reference(self):
        """The reference: the baseline view with no middleware at all (bench/bare_settings.py),
        same gunicorn, same workers."""
        step("The reference: a bare Django view, no middleware")
        env = {**self.env, "DJANGO_SETTINGS_MODULE": "bench.bare_settings", "PAGE_CACHE_SECONDS": "0"}
        with stack.gunicorn(env, self.workers, self.log) as url:
            load.run(url, self.plan.warmup_seconds * 2, self.plan.concurrency, paths=["/bench/baseline"])
            self.measured.bare = self.measure(url, "/bench/baseline")

    def without_page_cache(self):
        step("Page cache off: the baseline, each page, signing")
        m = self.measured
        with self.server({**self.env, "PAGE_CACHE_SECONDS": "0"}) as url:
            m.baseline = self.measure(url, "/bench/baseline")
            m.uncached = {name: self.measure(url, path) for name, path in self.pages.items()}
            form = load.signing_form(url, self.petition_path)
            for connections in (self.plan.low_concurrency, self.plan.concurrency):
                m.signing[connections] = self.signing(url, form, connections)

    def signing(self, url, form, connections):
        """Signing at `connections` concurrent signers, checked against what the database holds."""
        load.run(url, self.plan.warmup_seconds, connections, sign=form)
        result = load.run(url, self.plan.seconds, connections, sign=form)
        time.sleep(1)  # requests in flight when wrk stopped finish their transactions
        stored, flagged = stack.sql(
            "SELECT count(*), count(*) FILTER (WHERE flag_reason <> '') FROM petitions_signature "
            "WHERE email LIKE %s",
            (f"{result.tag}-%",),
        )[0]
        # The outbox is where a signing leaves its e-mail (the task only speeds delivery up).
        queued, sent = stack.sql(
            "SELECT count(*), count(*) FILTER (WHERE sent_at IS NOT NULL) FROM outbox_outgoingemail "
            'WHERE "to" LIKE %s',
            (f"{result.tag}-%",),
        )[0]
        return {"load": result, "stored": stored, "flagged": flagged, "queued": queued, "sent": sent}

    def raw_inserts(self):
        step("Raw psycopg INSERT+COMMIT: 1 connection, and as many as there are signers")
        for connections in (1, self.plan.concurrency):
            self.measured.raw_inserts[connections] = rawinsert.inserts_per_second(
                stack.DATABASE_URL, self.seeded["petition_id"], connections, self.plan.raw_seconds
            )

    def with_page_cache(self):
        step("Page cache on: each page, page weight, conditional GETs")
        m = self.measured
        stack.flush_cache()
        with self.server(self.env) as url:
            m.cached = {name: self.measure(url, path) for name, path in self.pages.items()}
            m.page_weight = weight.page_weight(url, self.pages["category p1"])
            feeds = {"feed": "/feed/", "category feed": f"/category/{self.seeded['category']}/feed/"}
            m.conditional = {
                name: weight.conditional_get(url, path) for name, path in {**self.pages, **feeds}.items()
            }
            m.day = self.petition_day(url)
            with stack.nginx_in_front(url, self.work_dir) as (nginx_url, access_log):
                pages = list(self.pages.values())
                load.run(nginx_url, self.plan.warmup_seconds, DAY_VIEW_CONNECTIONS, paths=pages)
                step("Lighthouse (mobile) on the home, category and petition pages, behind nginx")
                m.lighthouse = lighthouse.audit_pages(
                    nginx_url,
                    {"home": "/", "category": self.pages["category p1"], "petition": self.petition_path},
                )
                access_log.write_text("")  # count the day's requests only
                m.day_nginx = self.petition_day(nginx_url, behind_nginx=True)
                m.nginx_cache = stack.cache_statuses(access_log)

    def with_local_memory_cache(self):
        """For comparison: the page cache in each worker's memory instead of Redis.

        Not the production setting (workers would not share rate limits or the content
        version), but it shows what the two Redis round trips of a cache hit cost.
        """
        step("For comparison: the page cache in local memory instead of Redis")
        names = ["home", next(name for name in self.pages if name.startswith("petition"))]
        with self.server({**self.env, "REDIS_URL": ""}) as url:
            self.measured.local_cache = {name: self.measure(url, self.pages[name]) for name in names}

    def petition_day(self, url, behind_nginx=False):
        """Viewers and signers together, each at a fixed rate, for `day_seconds`."""
        where = "behind nginx" if behind_nginx else "gunicorn alone"
        step(
            f"Petition day, {where}: {DAY_PAGE_VIEWS_PER_SECOND:,} page views/s and "
            f"{DAY_SIGNATURES_PER_SECOND} signatures/s for {self.plan.day_seconds}s"
        )
        seeded = self.seeded
        # Most viewers watch the count; the others read the news around it.
        mix = (
            [self.petition_path] * 10
            + ["/"] * 4
            + [self.pages["category p1"]] * 2
            + [self.pages[f"category p{self.deep_page}"]]
            + [f"/posts/{slug}/" for slug in seeded["posts"][:5]]
            + [f"/prisoners/{slug}/" for slug in seeded["prisoners"][:3]]
        )
        form = load.signing_form(url, self.petition_path)
        seconds = self.plan.day_seconds
        busy_before, wrk_before = stack.cpu_seconds()
        with ThreadPoolExecutor(2) as pool:
            views = pool.submit(
                load.run, url, seconds, DAY_VIEW_CONNECTIONS,
                paths=mix, rate=DAY_PAGE_VIEWS_PER_SECOND * PACING_HEADROOM,
            )  # fmt: skip
            signatures = pool.submit(
                load.run, url, seconds, DAY_SIGNING_CONNECTIONS,
                sign=form, rate=DAY_SIGNATURES_PER_SECOND * PACING_HEADROOM, threads=1,
            )  # fmt: skip
            day = {"views": views.result(), "signatures": signatures.result()}
        busy_after, wrk_after = stack.cpu_seconds()
        available = (os.cpu_count() or 1) * day["views"].seconds
        self.measured.setup["petition day"] += (
            f"; {where}: the {os.cpu_count()} CPUs were {100 * (busy_after - busy_before) / available:.0f}% "
            f"busy, {100 * (wrk_after - wrk_before) / available:.0f}% in the load generator (wrk)"
        )
        return day

    def with_stalled_mail_server(self):
        """Signing while the mail server accepts connections and never answers.

        The web workers get the same SMTP settings as the task worker: if any request sent
        e-mail itself, it would hang for EMAIL_TIMEOUT and the figure would collapse.
        """
        step("Signing with the mail server stalled (gunicorn and the task worker both use it)")
        with ExitStack() as running:
            port = running.enter_context(stack.stalled_mail_server())
            env = {
                **self.env,
                "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": str(port),
                "EMAIL_USE_TLS": "false",
                "EMAIL_TIMEOUT": "20",
            }
            running.enter_context(stack.task_worker(env, self.log))
            url = running.enter_context(self.server(env))
            form = load.signing_form(url, self.petition_path)
            stalled = self.signing(url, form, self.plan.concurrency)
            stalled["tasks"] = stack.task_counts()
        self.measured.stalled_mail = stalled

    def export(self):
        step(f"CSV export of {self.seeded['petition_count']:,} signatures")
        self.measured.export = stack.run_module(self.env, "bench.probes", "export", json.dumps(self.seeded))

    def signing_time(self):
        step("Signing time: a new address against one that signed before")
        samples = str(self.plan.timing_samples)
        for store, env in (("Redis", self.env), ("the database", {**self.env, "REDIS_URL": ""})):
            self.measured.timing[store] = stack.run_module(env, "bench.timing", "--samples", samples)

    def wordpress(self):
        posts = self.plan.wordpress_posts
        step(f"WordPress import: a generated export of {posts:,} posts, imported twice")
        database_url = stack.PG_ADMIN_URL.rsplit("/", 1)[0] + "/campaign_bench_wordpress"
        self.measured.wordpress = wordpress_import.measure(posts, database_url)

    def update_mailing(self):
        signers = self.plan.update_signers
        step(
            f"An update to {signers:,} signers: the send request, listing, handing over, delivery at the rate"
        )
        database_url = stack.PG_ADMIN_URL.rsplit("/", 1)[0] + "/campaign_bench_updates"
        self.measured.updates = update_mailing.measure(signers, database_url)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small volumes and short runs (CI)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default: 4)")
    parser.add_argument("--markdown", type=Path, help="also write the tables to this file, in Markdown")
    args = parser.parse_args()

    load.ensure_wrk()
    started = time.monotonic()
    work_dir = Path(tempfile.mkdtemp(prefix="campaign-bench-"))
    bench = Bench(QUICK if args.quick else FULL, args.workers, work_dir)
    try:
        bench.run()
    except BaseException:
        log = work_dir / "servers.log"
        if log.exists():
            print(f"--- last lines of the server log:\n{log.read_text()[-3000:]}", file=sys.stderr)
        raise
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)

    tables = build(bench.measured, bench.plan.low_concurrency, bench.plan.concurrency)
    met = sum(table.verdicts()[0] for table in tables)
    missed = sum(table.verdicts()[1] for table in tables)
    summary = f"{met} targets met, {missed} missed, in {(time.monotonic() - started) / 60:.1f} minutes"
    if args.quick:
        summary += " (quick mode: small volumes and short runs; the figures only show that the suite works)"
    print("\n" + "\n\n".join(table.text() for table in tables) + f"\n\n{summary}")
    if args.markdown:
        args.markdown.write_text("\n\n".join(table.markdown() for table in tables) + f"\n\n{summary}\n")


if __name__ == "__main__":
    main()
