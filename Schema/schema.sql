-- The FollowUp schema after every migration, dumped from sqlite_schema.
-- Generated: run `FOLLOWUP_UPDATE_SCHEMA=1 swift test --filter SchemaTests` after adding a migration.

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

CREATE VIRTUAL TABLE recommendationFolded USING fts5(text, tokenize = 'trigram');

CREATE TABLE 'recommendationFolded_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'recommendationFolded_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE 'recommendationFolded_content'(id INTEGER PRIMARY KEY, c0);

CREATE TABLE 'recommendationFolded_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'recommendationFolded_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 64),
  role TEXT NOT NULL CHECK (role IN ('administrator', 'focal-point', 'validator', 'reader')),
  passwordHash TEXT NOT NULL CHECK (passwordHash GLOB '$2[aby]$[0-9][0-9]$*'),
  createdAt TEXT NOT NULL CHECK (createdAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
, email TEXT CHECK (email IS NULL OR email GLOB '?*@?*'), credentialVersion INTEGER NOT NULL DEFAULT 0
  CHECK (credentialVersion >= 0)) STRICT;

CREATE TABLE accountActor (
  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  addresseeId INTEGER NOT NULL REFERENCES addressee(id),
  PRIMARY KEY (accountId, addresseeId)
) STRICT, WITHOUT ROWID;

CREATE INDEX accountActor_addressee ON accountActor(addresseeId);

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

CREATE TRIGGER review_no_update BEFORE UPDATE ON review
BEGIN
  SELECT RAISE(ABORT, 'reviews are append-only: a decision is never changed');
END;

CREATE TRIGGER review_no_delete BEFORE DELETE ON review
BEGIN
  SELECT RAISE(ABORT, 'reviews are append-only: they are never deleted');
END;

CREATE TABLE apiToken (
  id INTEGER PRIMARY KEY,
  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  tokenHash TEXT NOT NULL UNIQUE CHECK (length(tokenHash) = 64),
  label TEXT NOT NULL CHECK (length(trim(label)) > 0),
  createdAt TEXT NOT NULL CHECK (createdAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  revokedAt TEXT
) STRICT;

CREATE TABLE reminder (
  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  assignmentId INTEGER NOT NULL REFERENCES assignment(id) ON DELETE CASCADE,
  reason TEXT NOT NULL CHECK (reason IN ('due', 'overdue')),
  period TEXT NOT NULL,
  sentAt TEXT NOT NULL,
  PRIMARY KEY (accountId, assignmentId, reason, period)
) STRICT, WITHOUT ROWID;

CREATE TABLE "addressee" (
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

CREATE TABLE journalPending (
  documentId INTEGER PRIMARY KEY REFERENCES document(id)
) STRICT;

CREATE TABLE "curation" (
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

CREATE INDEX curation_key ON curation(recommendationKey, id);

CREATE TRIGGER curation_no_update BEFORE UPDATE ON curation
BEGIN
  SELECT RAISE(ABORT, 'the curation log is append-only: record a new correction instead');
END;

CREATE TRIGGER curation_no_delete BEFORE DELETE ON curation
BEGIN
  SELECT RAISE(ABORT, 'the curation log is append-only: corrections are never deleted');
END;

CREATE TABLE "progressEntry" (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (length(uid) BETWEEN 1 AND 64),
  assignmentId INTEGER NOT NULL REFERENCES assignment(id),
  asOf TEXT NOT NULL CHECK (date(asOf, '+0 days') IS asOf),
  status TEXT CHECK (status IS NULL OR status IN ('not-started', 'planned',
    'in-progress', 'partially-implemented', 'implemented', 'not-implemented',
    'no-longer-relevant')),
  response TEXT CHECK (response IS NULL OR response IN
    ('supported', 'supported-implemented', 'supported-in-part', 'noted', 'not-applicable', 'pending')),
  note TEXT,
  evidenceDocument TEXT,
  evidenceParagraph TEXT,
  evidenceUrl TEXT,
  reportedById INTEGER REFERENCES addressee(id),
  recordedAt TEXT NOT NULL
    CHECK (recordedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  supersedesId INTEGER REFERENCES progressEntry(id), hash TEXT,
  CHECK (status IS NOT NULL OR response IS NOT NULL)
) STRICT;

CREATE INDEX progressEntry_assignment ON progressEntry(assignmentId, asOf, id);

CREATE INDEX progressEntry_supersedes ON progressEntry(supersedesId)
  WHERE supersedesId IS NOT NULL;

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

CREATE TRIGGER progressEntry_no_update BEFORE UPDATE ON progressEntry BEGIN
  SELECT RAISE(ABORT, 'progress entries are append-only: record a correction instead');
END;

CREATE TRIGGER progressEntry_chained BEFORE INSERT ON progressEntry
  WHEN new.hash IS NULL OR length(new.hash) != 64
BEGIN
  SELECT RAISE(ABORT, 'progress entries are append-only: an entry needs its chain hash');
END;

CREATE TABLE "submission" (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (length(uid) BETWEEN 1 AND 64),
  assignmentId INTEGER NOT NULL REFERENCES assignment(id),
  asOf TEXT NOT NULL CHECK (date(asOf, '+0 days') IS asOf),
  status TEXT CHECK (status IS NULL OR status IN ('not-started', 'planned',
    'in-progress', 'partially-implemented', 'implemented', 'not-implemented',
    'no-longer-relevant')),
  response TEXT CHECK (response IS NULL OR response IN
    ('supported', 'supported-implemented', 'supported-in-part', 'noted', 'not-applicable', 'pending')),
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

CREATE TRIGGER submission_no_update BEFORE UPDATE ON submission
BEGIN
  SELECT RAISE(ABORT, 'submissions are append-only: submit a new entry instead');
END;

CREATE TRIGGER submission_no_delete BEFORE DELETE ON submission
BEGIN
  SELECT RAISE(ABORT, 'submissions are append-only: they are never deleted');
END;

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

CREATE TABLE addresseeName (
  addresseeId INTEGER NOT NULL REFERENCES addressee(id) ON DELETE CASCADE,
  language TEXT NOT NULL CHECK (language IN ('ar', 'fr', 'ru', 'es')),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  PRIMARY KEY (addresseeId, language)
) STRICT, WITHOUT ROWID;
