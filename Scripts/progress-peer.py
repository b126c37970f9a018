#!/usr/bin/env python3
"""The loader a user would otherwise write: Python's csv and sqlite3, executemany into FollowUp's schema.

    python3 Scripts/progress-peer.py DATABASE progress.csv

Resolves each row's key and actor to its assignment with two dictionaries, chains each entry's
SHA-256 to the one before as the schema requires (hashlib), inserts the entries in one transaction
with executemany, and lets the schema's triggers keep the status cache. It checks nothing else
FollowUp checks (dates against the document, vocabularies, uids repeated, corrections): it is the
floor a peer starts from, for Scripts/benchmark.py's ratio.
"""
import csv, hashlib, sqlite3, sys

database, path = sys.argv[1], sys.argv[2]
connection = sqlite3.connect(database, isolation_level=None)
connection.execute("PRAGMA journal_mode = WAL")
actors = dict(connection.execute("SELECT code, id FROM addressee"))
assignments = {(key, actor): assignment for key, actor, assignment in connection.execute(
    "SELECT r.key, s.addresseeId, s.id FROM assignment s JOIN recommendation r ON r.id = s.recommendationId")}


GENESIS = "0" * 64
codes = {identifier: code for code, identifier in actors.items()}
next_id, head = connection.execute(
    "SELECT coalesce(max(id), 0) + 1, (SELECT hash FROM progressEntry ORDER BY id DESC LIMIT 1) FROM progressEntry"
).fetchone()
head = head or GENESIS


def chained(fields):
    """FollowUp's chain: the previous hash, then each field as length:value; ('-' for none)."""
    global head
    parts = [head]
    for field in fields:
        parts.append("-;" if field is None else f"{len(field.encode())}:{field};")
    head = hashlib.sha256("".join(parts).encode()).hexdigest()
    return head


def rows():
    global next_id
    with open(path, newline="", encoding="utf-8-sig") as file:
        for row in csv.DictReader(file):
            actor = actors[row["actor"]]
            reporter = actors.get(row["reported_by"], actor)
            status, response, note = row["status"] or None, row["response"] or None, row["note"] or None
            recorded = row["recorded_at"] or "2026-11-21T00:00:00Z"
            digest = chained([str(next_id), row["uid"], row["key"], row["actor"], row["as_of"], status, response,
                              note, None, None, None, codes[reporter], recorded, None])
            yield (next_id, row["uid"], assignments[(row["key"], actor)], row["as_of"], status, response, note,
                   reporter, recorded, digest)
            next_id += 1


connection.execute("BEGIN IMMEDIATE")
connection.executemany(
    "INSERT INTO progressEntry(id, uid, assignmentId, asOf, status, response, note, reportedById, recordedAt, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows())
connection.execute("COMMIT")
