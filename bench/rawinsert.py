"""The floor under signing: raw single-row INSERT + COMMIT with psycopg, no Django at all.

Each signing must durably write one signature row; nothing can be faster than writing
that row with one INSERT and one COMMIT from a bare client. Run with one connection,
and with as many connections as the signing load, each in its own process (so that
Python's GIL does not limit the client), inserting into the real signature table with
its real indexes and constraints. The rows are deleted afterwards.
"""

import multiprocessing
import time
import uuid

import psycopg

INSERT = """
    INSERT INTO petitions_signature (
        petition_id, public_id, first_name, last_name, email, email_normalised, country,
        city_or_postcode, comment, show_name_publicly, wants_updates, status, flag_reason, created_at,
        language
    ) VALUES (
        %s, %s, 'Aigerim', 'Akhmetova', %s, %s, 'KZ', 'Almaty', '', false, false, 'pending', '', now(), 'en'
    )
"""


def _insert_until(database_url, petition_id, tag, start, stop, counts, slot):
    with psycopg.connect(database_url) as connection:
        done = 0
        while time.monotonic() < start:
            time.sleep(0.001)
        while time.monotonic() < stop:
            email = f"raw-{tag}-{slot}-{done}@example.org"
            connection.execute(INSERT, (petition_id, uuid.uuid4(), email, email))
            connection.commit()
            done += 1
        counts[slot] = done


def inserts_per_second(database_url, petition_id, connections, seconds):
    """INSERT+COMMIT per second over `connections` concurrent connections."""
    tag = uuid.uuid4().hex[:8]
    context = multiprocessing.get_context("fork")  # the workers need nothing but this module
    counts = context.Array("l", connections)
    start = time.monotonic() + 1.0 + connections * 0.05  # every process connected before the clock starts
    stop = start + seconds
    processes = [
        context.Process(
            target=_insert_until, args=(database_url, petition_id, tag, start, stop, counts, slot)
        )
        for slot in range(connections)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("DELETE FROM petitions_signature WHERE email LIKE %s", (f"raw-{tag}-%",))
    return sum(counts) / seconds
