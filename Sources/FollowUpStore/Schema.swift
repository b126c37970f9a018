import Foundation
import GRDB
import FollowUpModel

/// The database schema, as versioned migrations.
///
/// Each migration is raw SQL, runs in its own transaction, and is never edited once it has
/// shipped: a change is a new migration. Tables are `STRICT` and carry their constraints, so
/// SQLite itself refuses an impossible date, an unknown status or an edited progress entry.
/// `Schema/schema.sql` is the result, dumped from `sqlite_schema`; a test fails when it drifts.
enum Schema {
    /// The migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core") { db in
            try db.execute(sql: v1Core)
        }
        migrator.registerMigration("v2-assignment-state") { db in
            try db.execute(sql: v2AssignmentState)
        }
        migrator.registerMigration("v3-log-chain") { db in
            try db.execute(sql: "DROP TRIGGER progressEntry_no_update")
            try db.execute(sql: "ALTER TABLE progressEntry ADD COLUMN hash TEXT")
            try ProgressChain.seal(in: db)
            try db.execute(sql: v3LogChain)
        }
        migrator.registerMigration("v4-folded-search") { db in
            try db.execute(
                sql: "CREATE VIRTUAL TABLE recommendationFolded USING fts5(text, tokenize = 'trigram')")
            try SearchIndex.rebuild(in: db)
        }
        migrator.registerMigration("v5-curation") { db in
            try db.execute(sql: v5Curation)
        }
        migrator.registerMigration("v6-accounts-review") { db in
            try db.execute(sql: v6AccountsReview)
        }
        migrator.registerMigration("v7-api-tokens") { db in
            try db.execute(sql: v7APITokens)
        }
        migrator.registerMigration("v8-reminders") { db in
            try db.execute(sql: v8Reminders)
        }
        migrator.registerMigration("v9-one-search-index") { db in
            try db.execute(sql: v9OneSearchIndex)
        }
        // The table is rebuilt with its foreign keys off; GRDB checks them all before committing.
        migrator.registerMigration("v10-territories") { db in
            try db.execute(sql: v10Territories)
        }
        migrator.registerMigration("v11-journal") { db in
            try db.execute(sql: v11Journal)
            try Journal.sealExisting(in: db)
        }
        migrator.registerMigration("v12-periodic-review") { db in
            for table in ["progressEntry", "submission"] {
                try rebuild(table, in: db) { definition in
                    definition.replacingOccurrences(
                        of: "('supported', 'supported-in-part',",
                        with: "('supported', 'supported-implemented', 'supported-in-part',")
                }
            }
            try db.execute(sql: v12PeriodicReview)
        }
        migrator.registerMigration("v13-official-language-names") { db in
            try db.execute(sql: v13OfficialLanguageNames)
        }
        return migrator
    }

    /// The identifiers of every migration this version knows.
    static var knownMigrations: [String] { migrator.migrations }

    /// Rebuilds `table` with its definition changed by `change` (SQLite cannot alter a CHECK in
    /// place): a copy under a new name, the rows copied, the old table dropped and the copy renamed,
    /// then the table's indexes and triggers made again from their own SQL. Run with foreign keys
    /// off, as GRDB runs migrations; it checks them all before committing.
    static func rebuild(_ table: String, in db: Database, change: (String) -> String) throws {
        guard
            let definition = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", arguments: [table])
        else { throw FollowUpError.internalError("no table \(table) to rebuild") }
        let dependents = try String.fetchAll(
            db,
            sql: """
                SELECT sql FROM sqlite_schema
                WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid
                """, arguments: [table])
        let changed = change(definition)
        guard changed != definition, let open = changed.firstIndex(of: "(") else {
            throw FollowUpError.internalError("the rebuild of \(table) changes nothing")
        }
        let copy = "\(table)_rebuilt"
        try db.execute(sql: "CREATE TABLE \"\(copy)\" " + changed[open...])
        try db.execute(sql: "INSERT INTO \"\(copy)\" SELECT * FROM \"\(table)\"")
        try db.execute(sql: "DROP TABLE \"\(table)\"")
        try db.execute(sql: "ALTER TABLE \"\(copy)\" RENAME TO \"\(table)\"")
        for statement in dependents { try db.execute(sql: statement) }
    }

    /// The Universal Periodic Review: a Working Group report's review (the State under review,
    /// cycle, session, day), the States that made each recommendation, and the topics of a
    /// thematic list (themes, persons concerned, Sustainable Development Goals); and the response
    /// "supported-implemented" (accepted, and considered already implemented or in progress), for
    /// which the progress log and the submissions are rebuilt with a wider CHECK.
    /// Actors' names in the official languages beyond English and Chinese (Arabic, French,
    /// Russian, Spanish), from the UN's M49 table: the reference data fills it (`followup init`,
    /// which an older database runs again to get them); a missing name reads as the English one.
    static let v13OfficialLanguageNames = """
        CREATE TABLE addresseeName (
          addresseeId INTEGER NOT NULL REFERENCES addressee(id) ON DELETE CASCADE,
          language TEXT NOT NULL CHECK (language IN ('ar', 'fr', 'ru', 'es')),
          name TEXT NOT NULL CHECK (length(trim(name)) > 0),
          PRIMARY KEY (addresseeId, language)
        ) STRICT, WITHOUT ROWID;
        """

    static let v12PeriodicReview = """
        CREATE TABLE periodicReview (
          documentId INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
          stateId INTEGER NOT NULL REFERENCES addressee(id),
          cycle INTEGER NOT NULL CHECK (cycle BETWEEN 1 AND 99),
          session INTEGER CHECK (session IS NULL OR session > 0),
          reviewDate TEXT NOT NULL CHECK (date(reviewDate, '+0 days') IS reviewDate)
        ) STRICT;

        CREATE INDEX periodicReview_state ON periodicReview(stateId, cycle);

        CREATE TABLE recommendingState (
          recommendationId INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
          stateId INTEGER NOT NULL REFERENCES addressee(id),
          PRIMARY KEY (recommendationId, stateId)
        ) STRICT, WITHOUT ROWID;

        CREATE INDEX recommendingState_state ON recommendingState(stateId);

        CREATE TABLE recommendationTopic (
          recommendationId INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
          scheme TEXT NOT NULL CHECK (scheme IN ('theme', 'persons', 'goal')),
          value TEXT NOT NULL CHECK (length(trim(value)) > 0),
          PRIMARY KEY (recommendationId, scheme, value)
        ) STRICT, WITHOUT ROWID;

        CREATE INDEX recommendationTopic_value ON recommendationTopic(scheme, value);
        """

    /// The record journal (``Journal``), a hash chain over submissions, reviews, corrections and
    /// documents with their recommendations, and the progress log's head after each write; and
    /// the curation table again, whose CHECK refused a due date given as a value (`recs edit --due`
    /// always failed): a due-date correction may now carry the date, or none when it is removed;
    /// and each account's credential version, which a new password or `users revoke` moves on, so
    /// that the web sessions signed in with the old credentials end.
    static let v11Journal = """
        CREATE TABLE journal (
          id INTEGER PRIMARY KEY,
          subject TEXT NOT NULL
            CHECK (subject IN ('progress', 'submission', 'review', 'curation', 'document')),
          subjectKey TEXT NOT NULL CHECK (length(subjectKey) > 0),
          content TEXT NOT NULL CHECK (length(content) = 64 OR content = 'removed'),
          hash TEXT NOT NULL CHECK (length(hash) = 64)
        ) STRICT;

        CREATE INDEX journal_subject ON journal(subject, subjectKey);

        CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
        BEGIN
          SELECT RAISE(ABORT, 'the journal is append-only');
        END;

        CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
        BEGIN
          SELECT RAISE(ABORT, 'the journal is append-only');
        END;

        ALTER TABLE account ADD COLUMN credentialVersion INTEGER NOT NULL DEFAULT 0
          CHECK (credentialVersion >= 0);

        CREATE TABLE journalPending (
          documentId INTEGER PRIMARY KEY REFERENCES document(id)
        ) STRICT;

        DROP TRIGGER curation_no_update;
        DROP TRIGGER curation_no_delete;
        CREATE TABLE curation_v11 (
          id INTEGER PRIMARY KEY,
          recommendationKey TEXT NOT NULL CHECK (length(trim(recommendationKey)) > 0),
          change TEXT NOT NULL CHECK (change IN ('add-addressee', 'remove-addressee', 'class', 'due-date')),
          value TEXT,
          previous TEXT,
          textHash TEXT NOT NULL CHECK (length(textHash) = 64),
          reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
          curator TEXT NOT NULL CHECK (length(trim(curator)) > 0),
          recordedAt TEXT NOT NULL CHECK (recordedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
          CHECK (change = 'due-date' OR value IS NOT NULL),
          CHECK (change != 'due-date' OR value IS NULL OR date(value, '+0 days') IS value)
        ) STRICT;
        INSERT INTO curation_v11 SELECT * FROM curation;
        DROP TABLE curation;
        ALTER TABLE curation_v11 RENAME TO curation;
        CREATE INDEX curation_key ON curation(recommendationKey, id);

        CREATE TRIGGER curation_no_update BEFORE UPDATE ON curation
        BEGIN
          SELECT RAISE(ABORT, 'the curation log is append-only: record a new correction instead');
        END;

        CREATE TRIGGER curation_no_delete BEFORE DELETE ON curation
        BEGIN
          SELECT RAISE(ABORT, 'the curation log is append-only: corrections are never deleted');
        END;
        """

    /// Non-self-governing territories are actors: General Assembly resolutions address "the
    /// Territory" and its Government (Guam, Pitcairn, Tokelau …). SQLite cannot change a CHECK
    /// constraint in place, so the actor table is copied into one that allows the new kind.
    static let v10Territories = """
        CREATE TABLE addressee_v10 (
          id INTEGER PRIMARY KEY,
          code TEXT NOT NULL UNIQUE
            CHECK (length(code) BETWEEN 2 AND 40 AND code NOT GLOB '*[^A-Z0-9-]*'),
          kind TEXT NOT NULL
            CHECK (kind IN ('state', 'territory', 'un-entity', 'organization', 'group', 'collective')),
          nameEn TEXT NOT NULL CHECK (length(trim(nameEn)) > 0),
          nameZh TEXT NOT NULL CHECK (length(trim(nameZh)) > 0),
          m49 TEXT CHECK (m49 IS NULL OR (length(m49) = 3 AND m49 NOT GLOB '*[^0-9]*')),
          iso2 TEXT CHECK (iso2 IS NULL OR (length(iso2) = 2 AND iso2 NOT GLOB '*[^A-Z]*')),
          CHECK (kind NOT IN ('state', 'territory') OR length(code) = 3)
        ) STRICT;
        INSERT INTO addressee_v10 (id, code, kind, nameEn, nameZh, m49, iso2)
          SELECT id, code, kind, nameEn, nameZh, m49, iso2 FROM addressee;
        DROP TABLE addressee;
        ALTER TABLE addressee_v10 RENAME TO addressee;
        """

    /// Search reads the folded index alone (`recommendationFolded`, since v4): the first one,
    /// over keys and texts as written, was kept by triggers on every write and read by nothing,
    /// and filling it was half of a bulk import of recommendations.
    static let v9OneSearchIndex = """
        DROP TRIGGER recommendation_ai;
        DROP TRIGGER recommendation_ad;
        DROP TRIGGER recommendation_au;
        DROP TABLE recommendationText;
        """

    /// The curation log: each correction a person made to what the importer read (an addressee
    /// added or removed, the class, the due date), with the reason and who made it. Keyed by the
    /// recommendation's key, so that it outlives a re-import; append-only like the progress log.
    static let v5Curation = """
        CREATE TABLE curation (
          id INTEGER PRIMARY KEY,
          recommendationKey TEXT NOT NULL CHECK (length(trim(recommendationKey)) > 0),
          change TEXT NOT NULL CHECK (change IN ('add-addressee', 'remove-addressee', 'class', 'due-date')),
          value TEXT,
          previous TEXT,
          textHash TEXT NOT NULL CHECK (length(textHash) = 64),
          reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
          curator TEXT NOT NULL CHECK (length(trim(curator)) > 0),
          recordedAt TEXT NOT NULL CHECK (recordedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
          CHECK ((change IN ('add-addressee', 'remove-addressee', 'class')) = (value IS NOT NULL))
        ) STRICT;

        CREATE INDEX curation_key ON curation(recommendationKey, id);

        CREATE TRIGGER curation_no_update BEFORE UPDATE ON curation
        BEGIN
          SELECT RAISE(ABORT, 'the curation log is append-only: record a new correction instead');
        END;

        CREATE TRIGGER curation_no_delete BEFORE DELETE ON curation
        BEGIN
          SELECT RAISE(ABORT, 'the curation log is append-only: corrections are never deleted');
        END;
        """

    /// People and their rights, and the validation workflow: a focal point's entry is first a
    /// submission; a validator's review accepts it (it is then appended to the progress log, the
    /// one reports read) or returns it with a comment. Submissions and reviews are append-only.
    static let v6AccountsReview = """
        CREATE TABLE account (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 64),
          role TEXT NOT NULL CHECK (role IN ('administrator', 'focal-point', 'validator', 'reader')),
          passwordHash TEXT NOT NULL CHECK (passwordHash GLOB '$2[aby]$[0-9][0-9]$*'),
          createdAt TEXT NOT NULL CHECK (createdAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
        ) STRICT;

        CREATE TABLE accountActor (
          accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
          addresseeId INTEGER NOT NULL REFERENCES addressee(id),
          PRIMARY KEY (accountId, addresseeId)
        ) STRICT, WITHOUT ROWID;

        CREATE INDEX accountActor_addressee ON accountActor(addresseeId);

        CREATE TABLE submission (
          id INTEGER PRIMARY KEY,
          uid TEXT NOT NULL UNIQUE CHECK (length(uid) BETWEEN 1 AND 64),
          assignmentId INTEGER NOT NULL REFERENCES assignment(id),
          asOf TEXT NOT NULL CHECK (date(asOf, '+0 days') IS asOf),
          status TEXT CHECK (status IS NULL OR status IN ('not-started', 'planned',
            'in-progress', 'partially-implemented', 'implemented', 'not-implemented',
            'no-longer-relevant')),
          response TEXT CHECK (response IS NULL OR response IN
            ('supported', 'supported-in-part', 'noted', 'not-applicable', 'pending')),
          note TEXT,
          evidenceDocument TEXT,
          evidenceParagraph TEXT,
          evidenceUrl TEXT,
          supersedesId INTEGER REFERENCES progressEntry(id),
          submittedById INTEGER NOT NULL REFERENCES account(id),
          submittedAt TEXT NOT NULL CHECK (submittedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
          CHECK (status IS NOT NULL OR response IS NOT NULL)
        ) STRICT;

        CREATE INDEX submission_assignment ON submission(assignmentId, id);

        CREATE TABLE review (
          submissionId INTEGER PRIMARY KEY REFERENCES submission(id),
          decision TEXT NOT NULL CHECK (decision IN ('accepted', 'returned')),
          reviewerId INTEGER NOT NULL REFERENCES account(id),
          comment TEXT,
          progressEntryId INTEGER UNIQUE REFERENCES progressEntry(id),
          reviewedAt TEXT NOT NULL CHECK (reviewedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
          CHECK ((decision = 'accepted') = (progressEntryId IS NOT NULL)),
          CHECK (decision = 'accepted' OR length(trim(comment)) > 0)
        ) STRICT;

        CREATE TRIGGER submission_no_update BEFORE UPDATE ON submission
        BEGIN
          SELECT RAISE(ABORT, 'submissions are append-only: submit a new entry instead');
        END;

        CREATE TRIGGER submission_no_delete BEFORE DELETE ON submission
        BEGIN
          SELECT RAISE(ABORT, 'submissions are append-only: they are never deleted');
        END;

        CREATE TRIGGER review_no_update BEFORE UPDATE ON review
        BEGIN
          SELECT RAISE(ABORT, 'reviews are append-only: a decision is never changed');
        END;

        CREATE TRIGGER review_no_delete BEFORE DELETE ON review
        BEGIN
          SELECT RAISE(ABORT, 'reviews are append-only: they are never deleted');
        END;
        """

    /// Tokens that scripts send to the JSON API in place of a session: only their SHA-256 is
    /// kept, so the database never holds a usable token.
    static let v7APITokens = """
        CREATE TABLE apiToken (
          id INTEGER PRIMARY KEY,
          accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
          tokenHash TEXT NOT NULL UNIQUE CHECK (length(tokenHash) = 64),
          label TEXT NOT NULL CHECK (length(trim(label)) > 0),
          createdAt TEXT NOT NULL CHECK (createdAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
          revokedAt TEXT
        ) STRICT;
        """

    /// Reminders: an account's e-mail address, and which item each account was reminded of in
    /// which period, so that `followup remind` run daily by cron reminds once per item per period.
    static let v8Reminders = """
        ALTER TABLE account ADD COLUMN email TEXT CHECK (email IS NULL OR email GLOB '?*@?*');

        CREATE TABLE reminder (
          accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
          assignmentId INTEGER NOT NULL REFERENCES assignment(id) ON DELETE CASCADE,
          reason TEXT NOT NULL CHECK (reason IN ('due', 'overdue')),
          period TEXT NOT NULL,
          sentAt TEXT NOT NULL,
          PRIMARY KEY (accountId, assignmentId, reason, period)
        ) STRICT, WITHOUT ROWID;
        """

    /// Where each assignment stands now, kept by triggers on the append-only log.
    ///
    /// A new entry updates its assignment's row in place (it is the latest when its date is on or
    /// after the stored one, ids breaking ties); a correction recomputes the row from the log. The
    /// log stays the source of truth: `stateMeta.maxAsOf` records the latest entry date, and
    /// queries use this table only for as-of dates on or after it, where it is exact.
    static let v2AssignmentState = """
        CREATE TABLE assignmentState (
          assignmentId INTEGER PRIMARY KEY REFERENCES assignment(id),
          status TEXT, statusAsOf TEXT, statusEntryId INTEGER,
          response TEXT, responseAsOf TEXT, responseEntryId INTEGER,
          latestEntryId INTEGER NOT NULL, latestAsOf TEXT NOT NULL
        ) STRICT;
        CREATE TABLE stateMeta (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          maxAsOf TEXT NOT NULL
        ) STRICT;
        INSERT INTO stateMeta(id, maxAsOf) VALUES (1, coalesce((SELECT max(asOf) FROM progressEntry), '0000-01-01'));

        CREATE TRIGGER progressEntry_state_append AFTER INSERT ON progressEntry WHEN new.supersedesId IS NULL BEGIN
          INSERT INTO assignmentState(assignmentId, status, statusAsOf, statusEntryId, response, responseAsOf,
            responseEntryId, latestEntryId, latestAsOf)
          VALUES (new.assignmentId, new.status, iif(new.status IS NULL, NULL, new.asOf), iif(new.status IS NULL, NULL, new.id),
            new.response, iif(new.response IS NULL, NULL, new.asOf), iif(new.response IS NULL, NULL, new.id), new.id, new.asOf)
          ON CONFLICT(assignmentId) DO UPDATE SET
            status = iif(new.status IS NOT NULL AND (statusAsOf IS NULL OR new.asOf >= statusAsOf), new.status, status),
            statusEntryId = iif(new.status IS NOT NULL AND (statusAsOf IS NULL OR new.asOf >= statusAsOf), new.id, statusEntryId),
            statusAsOf = iif(new.status IS NOT NULL AND (statusAsOf IS NULL OR new.asOf >= statusAsOf), new.asOf, statusAsOf),
            response = iif(new.response IS NOT NULL AND (responseAsOf IS NULL OR new.asOf >= responseAsOf), new.response, response),
            responseEntryId = iif(new.response IS NOT NULL AND (responseAsOf IS NULL OR new.asOf >= responseAsOf), new.id, responseEntryId),
            responseAsOf = iif(new.response IS NOT NULL AND (responseAsOf IS NULL OR new.asOf >= responseAsOf), new.asOf, responseAsOf),
            latestEntryId = iif(new.asOf >= latestAsOf, new.id, latestEntryId),
            latestAsOf = iif(new.asOf >= latestAsOf, new.asOf, latestAsOf);
          UPDATE stateMeta SET maxAsOf = new.asOf WHERE id = 1 AND maxAsOf < new.asOf;
        END;

        CREATE TRIGGER progressEntry_state_correct AFTER INSERT ON progressEntry WHEN new.supersedesId IS NOT NULL BEGIN
          DELETE FROM assignmentState WHERE assignmentId = new.assignmentId;
          INSERT INTO assignmentState(assignmentId, status, statusAsOf, statusEntryId, response, responseAsOf,
            responseEntryId, latestEntryId, latestAsOf)
          SELECT new.assignmentId, s.status, s.asOf, s.id, r.response, r.asOf, r.id, l.id, l.asOf
          FROM (SELECT pe.id, pe.asOf FROM progressEntry pe WHERE pe.assignmentId = new.assignmentId
                  AND NOT EXISTS (SELECT 1 FROM progressEntry c WHERE c.supersedesId = pe.id)
                  ORDER BY pe.asOf DESC, pe.id DESC LIMIT 1) AS l
          LEFT JOIN (SELECT pe.id, pe.asOf, pe.status FROM progressEntry pe WHERE pe.assignmentId = new.assignmentId
                  AND pe.status IS NOT NULL AND NOT EXISTS (SELECT 1 FROM progressEntry c WHERE c.supersedesId = pe.id)
                  ORDER BY pe.asOf DESC, pe.id DESC LIMIT 1) AS s ON 1
          LEFT JOIN (SELECT pe.id, pe.asOf, pe.response FROM progressEntry pe WHERE pe.assignmentId = new.assignmentId
                  AND pe.response IS NOT NULL AND NOT EXISTS (SELECT 1 FROM progressEntry c WHERE c.supersedesId = pe.id)
                  ORDER BY pe.asOf DESC, pe.id DESC LIMIT 1) AS r ON 1;
          UPDATE stateMeta SET maxAsOf = new.asOf WHERE id = 1 AND maxAsOf < new.asOf;
        END;

        \(stateRebuild)
        """

    /// The log's hash chain (`ProgressChain`): every entry carries one, and the append-only
    /// triggers are restored after the existing entries were sealed.
    static let v3LogChain = """
        CREATE TRIGGER progressEntry_no_update BEFORE UPDATE ON progressEntry BEGIN
          SELECT RAISE(ABORT, 'progress entries are append-only: record a correction instead');
        END;
        CREATE TRIGGER progressEntry_chained BEFORE INSERT ON progressEntry
          WHEN new.hash IS NULL OR length(new.hash) != 64
        BEGIN
          SELECT RAISE(ABORT, 'progress entries are append-only: an entry needs its chain hash');
        END;
        """

    /// Fills `assignmentState` from the log (the last statement of v2; `check --repair-cache`).
    static let stateRebuild = stateRebuild(assignments: nil)

    /// Fills `assignmentState` from the log for the assignments whose ids `assignments` (a
    /// subquery) selects, or for all of them.
    static func stateRebuild(assignments: String?) -> String {
        """
        INSERT INTO assignmentState(assignmentId, status, statusAsOf, statusEntryId, response, responseAsOf,
          responseEntryId, latestEntryId, latestAsOf)
        SELECT a.id, s.status, s.asOf, s.id, r.response, r.asOf, r.id, l.id, l.asOf
        FROM assignment a
        JOIN progressEntry l ON l.id = (SELECT pe.id FROM progressEntry pe WHERE pe.assignmentId = a.id
            AND NOT EXISTS (SELECT 1 FROM progressEntry c WHERE c.supersedesId = pe.id) ORDER BY pe.asOf DESC, pe.id DESC LIMIT 1)
        LEFT JOIN progressEntry s ON s.id = (SELECT pe.id FROM progressEntry pe WHERE pe.assignmentId = a.id AND pe.status IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM progressEntry c WHERE c.supersedesId = pe.id) ORDER BY pe.asOf DESC, pe.id DESC LIMIT 1)
        LEFT JOIN progressEntry r ON r.id = (SELECT pe.id FROM progressEntry pe WHERE pe.assignmentId = a.id AND pe.response IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM progressEntry c WHERE c.supersedesId = pe.id) ORDER BY pe.asOf DESC, pe.id DESC LIMIT 1)\(assignments.map { "\nWHERE a.id IN (\($0))" } ?? "");
        """
    }

    static let v1Core = """
        CREATE TABLE addressee (
          id INTEGER PRIMARY KEY,
          code TEXT NOT NULL UNIQUE
            CHECK (length(code) BETWEEN 2 AND 40 AND code NOT GLOB '*[^A-Z0-9-]*'),
          kind TEXT NOT NULL
            CHECK (kind IN ('state', 'un-entity', 'organization', 'group', 'collective')),
          nameEn TEXT NOT NULL CHECK (length(trim(nameEn)) > 0),
          nameZh TEXT NOT NULL CHECK (length(trim(nameZh)) > 0),
          m49 TEXT CHECK (m49 IS NULL OR (length(m49) = 3 AND m49 NOT GLOB '*[^0-9]*')),
          iso2 TEXT CHECK (iso2 IS NULL OR (length(iso2) = 2 AND iso2 NOT GLOB '*[^A-Z]*')),
          CHECK (kind <> 'state' OR length(code) = 3)
        ) STRICT;

        CREATE TABLE addresseeAlias (
          addresseeId INTEGER NOT NULL REFERENCES addressee(id) ON DELETE CASCADE,
          language TEXT NOT NULL CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
          alias TEXT NOT NULL CHECK (length(trim(alias)) > 0),
          PRIMARY KEY (addresseeId, language, alias)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX addresseeAlias_alias ON addresseeAlias(alias COLLATE NOCASE);

        CREATE TABLE groupMembership (
          id INTEGER PRIMARY KEY,
          groupId INTEGER NOT NULL REFERENCES addressee(id) ON DELETE CASCADE,
          memberId INTEGER NOT NULL REFERENCES addressee(id) ON DELETE CASCADE,
          startDate TEXT CHECK (startDate IS NULL OR date(startDate, '+0 days') IS startDate),
          endDate TEXT CHECK (endDate IS NULL OR date(endDate, '+0 days') IS endDate),
          CHECK (groupId <> memberId),
          CHECK (startDate IS NULL OR endDate IS NULL OR startDate < endDate)
        ) STRICT;
        CREATE INDEX groupMembership_group ON groupMembership(groupId, memberId);
        CREATE INDEX groupMembership_member ON groupMembership(memberId);

        CREATE TABLE document (
          id INTEGER PRIMARY KEY,
          symbol TEXT NOT NULL UNIQUE CHECK (length(trim(symbol)) > 0),
          title TEXT NOT NULL CHECK (length(trim(title)) > 0),
          bodyId INTEGER REFERENCES addressee(id),
          date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
          language TEXT NOT NULL CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
          checksum TEXT CHECK (checksum IS NULL OR length(checksum) = 64)
        ) STRICT;

        CREATE TABLE recommendation (
          id INTEGER PRIMARY KEY,
          key TEXT NOT NULL UNIQUE CHECK (length(trim(key)) > 0),
          documentId INTEGER NOT NULL REFERENCES document(id),
          path TEXT NOT NULL CHECK (length(trim(path)) > 0),
          position INTEGER NOT NULL,
          kind TEXT NOT NULL
            CHECK (kind IN ('recommendation', 'request', 'decision', 'commitment')),
          classification TEXT NOT NULL
            CHECK (classification IN ('actionable', 'decision', 'declaratory')),
          verb TEXT,
          text TEXT NOT NULL CHECK (length(trim(text)) > 0),
          language TEXT NOT NULL CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
          dueDate TEXT CHECK (dueDate IS NULL OR date(dueDate, '+0 days') IS dueDate),
          cycle TEXT CHECK (cycle IS NULL OR cycle IN
            ('quarterly', 'semiannual', 'annual', 'biennial', 'triennial', 'quadrennial')),
          tags TEXT NOT NULL DEFAULT '[]'
            CHECK (json_valid(tags) AND json_type(tags) = 'array'),
          UNIQUE (documentId, path)
        ) STRICT;
        CREATE INDEX recommendation_document ON recommendation(documentId, position);

        CREATE VIRTUAL TABLE recommendationText USING fts5(
          key, text, content = 'recommendation', content_rowid = 'id', tokenize = 'trigram'
        );
        CREATE TRIGGER recommendation_ai AFTER INSERT ON recommendation BEGIN
          INSERT INTO recommendationText(rowid, key, text) VALUES (new.id, new.key, new.text);
        END;
        CREATE TRIGGER recommendation_ad AFTER DELETE ON recommendation BEGIN
          INSERT INTO recommendationText(recommendationText, rowid, key, text)
            VALUES ('delete', old.id, old.key, old.text);
        END;
        CREATE TRIGGER recommendation_au AFTER UPDATE OF key, text ON recommendation BEGIN
          INSERT INTO recommendationText(recommendationText, rowid, key, text)
            VALUES ('delete', old.id, old.key, old.text);
          INSERT INTO recommendationText(rowid, key, text) VALUES (new.id, new.key, new.text);
        END;

        CREATE TABLE addressing (
          recommendationId INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
          addresseeId INTEGER NOT NULL REFERENCES addressee(id),
          phrase TEXT NOT NULL CHECK (length(trim(phrase)) > 0),
          PRIMARY KEY (recommendationId, addresseeId)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX addressing_addressee ON addressing(addresseeId);

        CREATE TABLE assignment (
          id INTEGER PRIMARY KEY,
          recommendationId INTEGER NOT NULL REFERENCES recommendation(id),
          addresseeId INTEGER NOT NULL REFERENCES addressee(id),
          UNIQUE (recommendationId, addresseeId)
        ) STRICT;
        CREATE INDEX assignment_addressee ON assignment(addresseeId, recommendationId);

        CREATE TABLE progressEntry (
          id INTEGER PRIMARY KEY,
          uid TEXT NOT NULL UNIQUE CHECK (length(uid) BETWEEN 1 AND 64),
          assignmentId INTEGER NOT NULL REFERENCES assignment(id),
          asOf TEXT NOT NULL CHECK (date(asOf, '+0 days') IS asOf),
          status TEXT CHECK (status IS NULL OR status IN ('not-started', 'planned',
            'in-progress', 'partially-implemented', 'implemented', 'not-implemented',
            'no-longer-relevant')),
          response TEXT CHECK (response IS NULL OR response IN
            ('supported', 'supported-in-part', 'noted', 'not-applicable', 'pending')),
          note TEXT,
          evidenceDocument TEXT,
          evidenceParagraph TEXT,
          evidenceUrl TEXT,
          reportedById INTEGER REFERENCES addressee(id),
          recordedAt TEXT NOT NULL
            CHECK (recordedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
          supersedesId INTEGER REFERENCES progressEntry(id),
          CHECK (status IS NOT NULL OR response IS NOT NULL)
        ) STRICT;
        CREATE INDEX progressEntry_assignment ON progressEntry(assignmentId, asOf, id);
        CREATE INDEX progressEntry_supersedes ON progressEntry(supersedesId)
          WHERE supersedesId IS NOT NULL;
        CREATE TRIGGER progressEntry_no_update BEFORE UPDATE ON progressEntry BEGIN
          SELECT RAISE(ABORT, 'progress entries are append-only: record a correction instead');
        END;
        CREATE TRIGGER progressEntry_no_delete BEFORE DELETE ON progressEntry BEGIN
          SELECT RAISE(ABORT, 'progress entries are append-only: record a correction instead');
        END;
        CREATE TRIGGER progressEntry_same_assignment BEFORE INSERT ON progressEntry
          WHEN new.supersedesId IS NOT NULL
            AND (SELECT assignmentId FROM progressEntry WHERE id = new.supersedesId)
                IS NOT new.assignmentId
        BEGIN
          SELECT RAISE(ABORT, 'a correction must supersede an entry of the same assignment');
        END;
        """
}
