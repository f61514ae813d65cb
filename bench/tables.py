"""From measurements to the tables `make bench` prints: each figure, its ratio, its target, met or not.

The targets are the issue's ("one small server survives the biggest petition day on record").
"""

from dataclasses import dataclass, field

from bench.report import Table, kilobytes, megabytes, number, ratio

# Ten times the biggest petition day on record (issue 16), served with nginx in front.
DAY_PAGE_VIEWS_PER_SECOND = 10_000
DAY_SIGNATURES_PER_SECOND = 330
# Ratios to the reference: a bare Django view with no middleware, same gunicorn and workers.
CACHED_RATIO = 0.6
UNCACHED_RATIO = 0.1
SIGNING_RATIO = 0.12
SCALING_RATIO = 0.8  # signing at high concurrency against low: no hot row
STALLED_MAIL_RATIO = 0.9  # signing with the mail server stalled, against signing without
DAY_P99_MS = 250
EXPORT_ROWS_PER_SECOND = 100_000
EXPORT_PEAK_BYTES = 200_000_000
PAGE_WEIGHT_BYTES = 100_000
# How often one signing's time may reveal whether its address had signed (50% is a coin toss).
TIMING_GUESS_ACCURACY = 0.6
LIGHTHOUSE_SCORE = 95  # mobile performance, production configuration
WORDPRESS_POSTS_PER_SECOND = 100  # 10,000 posts in under two minutes
WORDPRESS_PEAK_BYTES = 300_000_000  # bounded: a 200 MB export must not need its size in memory
UPDATE_SEND_REQUEST_SECONDS = 3  # "queued in under a few seconds of request time"
UPDATE_BATCH_ROWS = 1000  # rows written per transaction when listing and handing over


@dataclass
class Measurements:
    """Everything one run measured; bench/run.py fills it in as it goes."""

    setup: dict = field(default_factory=dict)
    queries: dict = field(default_factory=dict)
    bare: object = None  # the reference: the baseline view with no middleware (bench/bare_settings.py)
    baseline: object = None  # the same view through the site's middleware
    uncached: dict = field(default_factory=dict)  # page name → load.LoadResult
    cached: dict = field(default_factory=dict)
    local_cache: dict = field(default_factory=dict)  # the page cache in local memory, for comparison
    signing: dict = field(default_factory=dict)  # concurrency → signing check (see Bench.signing)
    raw_inserts: dict = field(default_factory=dict)  # connections → INSERT+COMMIT per second
    stalled_mail: dict = field(default_factory=dict)
    day: dict = field(default_factory=dict)  # "views" / "signatures" → load.LoadResult
    day_nginx: dict = field(default_factory=dict)  # the same, with nginx in front
    nginx_cache: dict = field(default_factory=dict)  # nginx's cache status → requests
    lighthouse: dict = field(default_factory=dict)  # page name → bench/lighthouse.py audit()
    export: dict = field(default_factory=dict)
    wordpress: dict = field(default_factory=dict)  # bench/wordpress_import.py measure()
    updates: dict = field(default_factory=dict)  # bench/update_mailing.py measure()
    page_weight: object = None
    conditional: dict = field(default_factory=dict)  # page name → (status, validators sent)
    timing: dict = field(default_factory=dict)  # where the limits' counters are → bench/timing.py's result


def build(m, low, high):
    """All tables, for signing measured at `low` and `high` concurrency."""
    return [
        setup_table(m),
        baseline_table(m),
        pages_table("Pages, page cache off", m.uncached, m, m.queries["uncached"], UNCACHED_RATIO),
        pages_table(
            "Pages, page cache on (production settings)", m.cached, m, m.queries["hit"], CACHED_RATIO
        ),
        pages_table(
            "For comparison: the page cache in each worker's memory instead of Redis",
            m.local_cache,
            m,
            m.queries["hit"],
            None,
        ),
        signing_table(m, low, high),
        day_table(m),
        queries_table(m),
        export_table(m),
        front_end_table(m),
        lighthouse_table(m),
        timing_table(m),
        wordpress_table(m),
        update_mailing_table(m),
    ]


def setup_table(m):
    table = Table("Setup", ["item", "value"])
    for item, value in m.setup.items():
        table.add(item, value)
    return table


def _latency(result):
    return number(result.p50_ms, 1), number(result.p99_ms, 1)


def baseline_table(m):
    table = Table("Reference and baseline", ["view", "req/s", "p50 ms", "p99 ms", "errors", "x bare"])
    for name, result in (
        ("bare Django view, no middleware (the reference)", m.bare),
        ("the same view through the site's middleware (the baseline)", m.baseline),
    ):
        table.add(name, number(result.rps), *_latency(result), result.errors, ratio(result.rps, m.bare.rps))
    return table


def pages_table(title, results, m, queries, target):
    headers = [
        "page", "req/s", "p50 ms", "p99 ms", "errors", "SQL queries", "x bare", "x baseline", "target", "met",
    ]  # fmt: skip
    table = Table(title, headers)
    for name, result in results.items():
        met = result.rps >= target * m.bare.rps and result.errors == 0 if target else None
        table.add(
            name,
            number(result.rps),
            *_latency(result),
            result.errors,
            queries.get(name.split(" (")[0], ""),
            ratio(result.rps, m.bare.rps),
            ratio(result.rps, m.baseline.rps),
            f">= {target}x bare" if target else "none",
            met,
        )
    return table


def _summary(result):
    latency = f"p50 {result.p50_ms:.0f} ms, p99 {result.p99_ms:.0f} ms"
    return f"{number(result.rps)}/s, {latency}, {result.errors} errors"


def signing_table(m, low, high):
    table = Table(
        "Signing (a POST that validates, stores and queues the e-mail)",
        ["figure", "value", "ratio", "target", "met"],
    )
    fast, slow = m.signing[high], m.signing[low]
    rps = fast["load"].rps
    table.add(
        f"signing, {high} signers",
        _summary(fast["load"]),
        f"{ratio(rps, m.bare.rps)} bare, {ratio(rps, m.baseline.rps)} baseline",
        f">= {SIGNING_RATIO}x bare, 0 errors",
        rps >= SIGNING_RATIO * m.bare.rps and fast["load"].errors == 0,
    )
    for connections, inserts in m.raw_inserts.items():
        plural = "s" if connections > 1 else ""
        table.add(
            f"raw psycopg INSERT+COMMIT, {connections} connection{plural}",
            f"{number(inserts)}/s",
            f"signing = {ratio(rps, inserts)}",
            "reported",
            None,
        )
    table.add(
        f"signing, {low} signers",
        _summary(slow["load"]),
        f"{high} vs {low}: {ratio(rps, slow['load'].rps)}",
        f">= {SCALING_RATIO}x (no hot row), 0 errors",
        rps >= SCALING_RATIO * slow["load"].rps and slow["load"].errors == 0,
    )
    for connections, run in ((low, slow), (high, fast)):
        table.add(
            f"stored / flagged / e-mails queued, {connections} signers",
            f"{run['stored']:,} / {run['flagged']} / {run['queued']:,}",
            f"{run['load'].requests:,} answered",
            "each answered signing stored and queued",
            run["flagged"] == 0 and run["queued"] >= run["stored"] >= run["load"].requests,
        )
    stalled = m.stalled_mail
    table.add(
        f"signing, {high} signers, mail server stalled",
        _summary(stalled["load"]),
        f"{ratio(stalled['load'].rps, rps)} unstalled",
        f">= {STALLED_MAIL_RATIO}x, 0 errors",
        stalled["load"].rps >= STALLED_MAIL_RATIO * rps and stalled["load"].errors == 0,
    )
    tasks = ", ".join(f"{status.lower()} {count:,}" for status, count in sorted(stalled["tasks"].items()))
    table.add(
        "e-mails delivered while the mail server was stalled",
        f"{stalled['sent']:,} sent, {stalled['queued']:,} waiting in the outbox (tasks: {tasks})",
        f"{stalled['stored']:,} stored",
        "none sent, each waiting",
        stalled["sent"] == 0 and stalled["queued"] >= stalled["stored"],
    )
    return table


def day_table(m):
    headers = ["traffic", "rate", "p50 ms", "p99 ms", "errors", "target", "met"]
    table = Table("Petition day (page views and signatures together, page cache on)", headers)
    for where, day in (("nginx in front", m.day_nginx), ("gunicorn alone", m.day)):
        for name, result, rate in (
            ("page views", day["views"], DAY_PAGE_VIEWS_PER_SECOND),
            ("signatures", day["signatures"], DAY_SIGNATURES_PER_SECOND),
        ):
            table.add(
                f"{name}, {where}",
                f"{number(result.rps, 1)}/s",
                *_latency(result),
                result.errors,
                f">= {rate:,}/s, 0 errors, p99 < {DAY_P99_MS} ms",
                result.rps >= rate and result.errors == 0 and result.p99_ms < DAY_P99_MS,
            )
    if m.nginx_cache:
        total = sum(m.nginx_cache.values())
        shares = ", ".join(
            f"{status} {100 * count / total:.1f}%"
            for status, count in sorted(m.nginx_cache.items(), key=lambda item: -item[1])
        )
        table.add(
            'nginx\'s answers (its access log, "-": not cacheable)', shares, "", "", "", "reported", None
        )
    return table


def queries_table(m):
    table = Table("SQL queries per page", ["figure", "value", "target", "met"])
    uncached, hit, grown = m.queries["uncached"], m.queries["hit"], m.queries["grown"]
    table.add("uncached", _per_page(uncached), "reported", None)
    table.add("cache miss", _per_page(m.queries["miss"]), "reported", None)
    table.add("cache hit", _per_page(hit), "0", not any(hit.values()))
    changed = {name: (uncached[name], count) for name, count in grown.items() if count != uncached[name]}
    table.add(
        "uncached, after +100 posts, +1 category, +10,000 signatures",
        ", ".join(f"{name} {a} -> {b}" for name, (a, b) in changed.items()) or "unchanged",
        "no growth",
        not changed,
    )
    languages = m.queries.get("languages", {})
    differing = {
        f"{name} ({language})": (uncached[name], count)
        for language, counts in languages.items()
        for name, count in counts.items()
        if count != uncached[name]
    }
    table.add(
        "uncached, /ru/ and /kk/ vs English",
        ", ".join(f"{name} {a} -> {b}" for name, (a, b) in differing.items()) or "equal on every page",
        "equal",
        bool(languages) and not differing,
    )
    deep = next(name for name in uncached if name.startswith("category p") and name != "category p1")
    table.add(
        f"category p1 vs {deep.removeprefix('category ')}",
        f"{uncached['category p1']} vs {uncached[deep]}",
        "equal",
        uncached["category p1"] == uncached[deep],
    )
    return table


def _per_page(counts):
    return ", ".join(f"{name} {count}" for name, count in counts.items())


def export_table(m):
    e = m.export
    table = Table("CSV export (the admin's export view, streamed)", ["figure", "value", "target", "met"])
    table.add(
        "rows per second",
        f"{e['rows']:,} rows in {e['seconds']:.1f}s = {number(e['rows_per_second'])} rows/s",
        f">= {EXPORT_ROWS_PER_SECOND:,} rows/s",
        e["rows_per_second"] >= EXPORT_ROWS_PER_SECOND,
    )
    table.add(
        "peak memory (whole process, Django included)",
        f"{megabytes(e['peak_rss'])} (before the export: {megabytes(e['rss_before'])})",
        f"< {megabytes(EXPORT_PEAK_BYTES)}",
        e["peak_rss"] < EXPORT_PEAK_BYTES,
    )
    return table


def front_end_table(m):
    weight = m.page_weight
    table = Table("Page weight and caching", ["figure", "value", "target", "met"])
    html = weight.html_encoding or "HTML sent uncompressed by the site, counted gzipped"
    table.add(
        "category page, HTML + CSS + JS, compressed",
        f"{kilobytes(weight.total_compressed)} ({html}; as served: {kilobytes(weight.total_as_served)})",
        f"< {kilobytes(PAGE_WEIGHT_BYTES)}",
        weight.total_compressed < PAGE_WEIGHT_BYTES,
    )
    good = [asset for asset in weight.assets if asset.is_hashed and asset.is_immutable]
    example = weight.assets[0].cache_control if weight.assets else "no CSS or JS found"
    table.add(
        "CSS and JS: hashed names, immutable for >= 1 year",
        f"{len(good)} of {len(weight.assets)} ({example})",
        "all",
        bool(weight.assets) and len(good) == len(weight.assets),
    )
    for name, (status, validators) in m.conditional.items():
        table.add(f"repeat GET of {name}", f"{status} (sent {validators})", "304", status == 304)
    return table


def lighthouse_table(m):
    table = Table(
        "Lighthouse, mobile (behind nginx over HTTPS, production settings)",
        ["page", "performance", "metrics", "transferred", "requests", "render-blocking", "target", "met"],
    )
    if "unavailable" in m.lighthouse:
        table.add(
            "all", "not measured", m.lighthouse["unavailable"], "", "", "", f">= {LIGHTHOUSE_SCORE}", None
        )
        return table
    for name, a in m.lighthouse.items():
        table.add(
            name,
            a["score"],
            ", ".join(f"{key} {value}" for key, value in a["metrics"].items())
            + (a["runtime_error"] and f" ({a['runtime_error']})"),
            kilobytes(a["bytes"]),
            a["requests"],
            a["render_blocking"],
            f">= {LIGHTHOUSE_SCORE}",
            a["score"] >= LIGHTHOUSE_SCORE,
        )
    return table


def timing_table(m):
    table = Table(
        "Signing time: a new address against one that signed before (in-process, one at a time)",
        ["figure", "value", "target", "met"],
    )
    for store, t in m.timing.items():
        table.add(
            f"median, counters in {store}: new vs signed before",
            f"{t['new_median_ms']:.2f} ms vs {t['again_median_ms']:.2f} ms "
            f"(p90 {t['new_p90_ms']:.1f} vs {t['again_p90_ms']:.1f} ms; {t['samples']} of each)",
            "reported",
            None,
        )
        table.add(
            f"a guess from one timing is right, counters in {store}",
            f"{100 * t['guess_accuracy']:.0f}% of the time (50% is a coin toss)",
            f"<= {100 * TIMING_GUESS_ACCURACY:.0f}%",
            t["guess_accuracy"] <= TIMING_GUESS_ACCURACY,
        )
        table.add(
            f"stored / flagged / e-mails, counters in {store}",
            f"{t['stored']} / {t['flagged']} / {t['emails']}",
            f"{t['expected_stored']} / 0 / {t['expected_emails']}",
            (t["stored"], t["flagged"], t["emails"]) == (t["expected_stored"], 0, t["expected_emails"]),
        )
    return table


def wordpress_table(m):
    w = m.wordpress
    table = Table(
        f"WordPress import ({w['posts']:,} posts, {w['images']:,} images, "
        f"{w['file_bytes'] / 1e6:.1f} MB export, {w['database']})",
        ["figure", "value", "target", "met"],
    )
    table.add(
        "posts per second (first import)",
        f"{w['posts']:,} posts in {w['seconds']:.1f}s = {number(w['posts_per_second'])} posts/s",
        f">= {WORDPRESS_POSTS_PER_SECOND} posts/s",
        w["posts_per_second"] >= WORDPRESS_POSTS_PER_SECOND,
    )
    table.add(
        "peak memory (whole process, Django included)",
        megabytes(w["peak_bytes"]),
        f"< {megabytes(WORDPRESS_PEAK_BYTES)}",
        w["peak_bytes"] < WORDPRESS_PEAK_BYTES,
    )
    table.add(
        "the same file again (nothing to change)",
        f"{w['again_seconds']:.1f}s, peak {megabytes(w['again_peak_bytes'])}",
        "",
        None,
    )
    return table


def update_mailing_table(m):
    u = m.updates
    table = Table(
        f"An update to {u['signers']:,} signers "
        f"({u['recipients_listed']:,} distinct addresses, {u['database']})",
        ["figure", "value", "target", "met"],
    )
    table.add(
        "the editor's confirmation page (counts the recipients)",
        f"{u['confirm_page_seconds']:.2f}s, states {u['recipients_stated']:,}",
        "the count that is then listed",
        u["recipients_stated"] == u["recipients_listed"],
    )
    table.add(
        "the send request (only queues a task)",
        f"{u['send_request_seconds'] * 1000:.0f} ms, {u['tasks_queued_by_send']} task queued",
        f"< {UPDATE_SEND_REQUEST_SECONDS} s, 1 task",
        u["send_request_seconds"] < UPDATE_SEND_REQUEST_SECONDS and u["tasks_queued_by_send"] == 1,
    )
    table.add(
        "listing the recipients (worker)",
        f"{u['list_seconds']:.1f}s = {number(u['recipients_listed'] / u['list_seconds'])} rows/s, "
        f"{u['list_batch']:,} signatures per transaction",
        f"<= {UPDATE_BATCH_ROWS:,} rows per transaction",
        u["list_batch"] <= UPDATE_BATCH_ROWS,
    )
    table.add(
        "handing them to the outbox (worker)",
        f"{u['handover_seconds']:.1f}s in {u['handover_batches']} transactions of <= {u['handover_batch']:,}",
        f"<= {UPDATE_BATCH_ROWS:,} rows per transaction",
        u["handover_batch"] <= UPDATE_BATCH_ROWS and u["outbox_rows"] == u["recipients_listed"],
    )
    table.add(
        "the drain's own speed, uncapped (mail dropped)",
        f"{number(u['drain_per_second'])} e-mails/s",
        f"> {u['rate_per_minute'] / 60:.0f}/s (the cap below)",
        u["drain_per_second"] > u["rate_per_minute"] / 60,
    )
    table.add(
        f"one minute at OUTBOX_RATE_PER_MINUTE={u['rate_per_minute']} (fixed clock)",
        f"{u['sent_in_window']} sent in {u['window_seconds']:.1f}s, then {u['sent_after_share_used']} more",
        f"exactly the bulk share: {u['bulk_share']}",
        u["sent_in_window"] == u["bulk_share"] and u["sent_after_share_used"] == 0,
    )
    table.add(
        "a confirmation e-mail in that full minute",
        u["confirmation_outcome"],
        "sent (the reserved share)",
        u["confirmation_outcome"] == "sent",
    )
    table.add(
        "the next minute",
        f"{u['sent_next_minute']} sent",
        f"{u['bulk_share']}",
        u["sent_next_minute"] == u["bulk_share"],
    )
    table.add(
        "all of them at the default caps (10,000 a day, 80% for updates)",
        f"{u['days_for_all_at_default_caps']:.1f} days",
        "",
        None,
    )
    table.add(
        "machine load average (before, after)", f"{u['load_before']:.1f}, {u['load_after']:.1f}", "", None
    )
    return table
