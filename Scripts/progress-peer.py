#!/usr/bin/env python3
"""The loader a user would otherwise write: Python's csv and sqlite3, executemany into FollowUp's schema.

    python3 Scripts/progress-peer.py DATABASE progress.csv

Resolves each row's key and actor to its assignment with two dictionaries, inserts the entries in
one transaction, and lets the schema's triggers keep the status cache. It checks nothing FollowUp
checks (dates against the document, vocabularies, uids repeated, corrections) and writes no hash
chain: it is the floor a peer starts from, for Scripts/benchmark.py's ratio.
"""
import csv, sqlite3, sys

database, path = sys.argv[1], sys.argv[2]
connection = sqlite3.connect(database, isolation_level=None)
connection.execute("PRAGMA journal_mode = WAL")
actors = dict(connection.execute("SELECT code, id FROM addressee"))
assignments = {(key, actor): assignment for key, actor, assignment in connection.execute(
    "SELECT r.key, s.addresseeId, s.id FROM assignment s JOIN recommendation r ON r.id = s.recommendationId")}


def rows():
    with open(path, newline="", encoding="utf-8-sig") as file:
        for row in csv.DictReader(file):
            actor = actors[row["actor"]]
            yield (row["uid"], assignments[(row["key"], actor)], row["as_of"], row["status"] or None,
                   row["response"] or None, row["note"] or None, actors.get(row["reported_by"], actor),
                   row["recorded_at"] or "2026-11-21T00:00:00Z")


connection.execute("BEGIN IMMEDIATE")
connection.executemany(
    "INSERT INTO progressEntry(uid, assignmentId, asOf, status, response, note, reportedById, recordedAt) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows())
connection.execute("COMMIT")
