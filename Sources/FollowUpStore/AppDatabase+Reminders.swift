import GRDB
import FollowUpModel

extension AppDatabase {
    /// Sets or clears an account's e-mail address, where reminders go.
    public func setEmail(account: String, email: String?) throws(FollowUpError) {
        if let email { try Self.checkEmail(email) }
        try write { db in
            _ = try Self.account(named: account, in: db)
            try db.execute(sql: "UPDATE account SET email = ? WHERE name = ?", arguments: [email, account])
        }
    }

    /// Refuses what cannot be an e-mail address (it goes into a message header).
    public static func checkEmail(_ email: String) throws(FollowUpError) {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts.contains(where: \.isEmpty)
            || email.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "<" || $0 == ">" || $0 == "," })
        {
            throw .invalidArgument(field: "email", reason: "'\(email)' is not an e-mail address")
        }
    }

    /// For each focal point, what falls due within `days` of `asOf` and what is overdue (neither
    /// implemented nor no longer relevant), leaving out what the account was already reminded of in
    /// the same period: a due item once per due date, an overdue item once per calendar month. With
    /// `record`, the items returned are noted as sent, in one transaction; without (a dry run),
    /// nothing is written. Focal points with nothing new get no digest.
    public func reminders(asOf: CalendarDate, within days: Int, record: Bool, sentAt: String) throws(FollowUpError)
        -> [ReminderDigest]
    {
        guard days >= 0 else { throw .invalidArgument(field: "within", reason: "give a number of days, 0 or more") }
        let horizon = asOf.adding(days: days)
        let find: (Database) throws -> [ReminderDigest] = { db in
            // Closed is what `ImplementationStatus.closed` says, as everywhere else.
            let closedPlaceholders = Array(repeating: "?", count: ImplementationStatus.closed.count)
                .joined(separator: ", ")
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT u.id AS accountId, u.name, u.email, a.code AS actor, s.id AS assignmentId, r.key, r.text,
                      r.dueDate, st.status
                    FROM account u
                    JOIN accountActor x ON x.accountId = u.id
                    JOIN assignment s ON s.addresseeId = x.addresseeId
                    JOIN recommendation r ON r.id = s.recommendationId
                    JOIN addressee a ON a.id = s.addresseeId
                    LEFT JOIN assignmentState st ON st.assignmentId = s.id
                    WHERE u.role = 'focal-point' AND r.dueDate IS NOT NULL AND r.dueDate <= ?
                      AND r.classification <> 'declaratory'
                      AND (st.status IS NULL OR st.status NOT IN (\(closedPlaceholders)))
                    ORDER BY u.name COLLATE NOCASE, r.dueDate, r.key, a.code
                    """, arguments: StatementArguments([horizon] + ImplementationStatus.closed.map(\.rawValue)))
            var digests: [ReminderDigest] = []
            for row in rows {
                guard let due = CalendarDate(row["dueDate"] as String) else { continue }
                let overdue = due < asOf
                let reason = overdue ? "overdue" : "due"
                let period = overdue ? String(asOf.description.prefix(7)) : due.description
                let accountId: Int64 = row["accountId"]
                let assignmentId: Int64 = row["assignmentId"]
                let known = try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT 1 FROM reminder WHERE accountId = ? AND assignmentId = ? AND reason = ? AND period = ?
                        """, arguments: [accountId, assignmentId, reason, period])
                if known == true { continue }
                if record {
                    try db.execute(
                        sql: """
                            INSERT INTO reminder (accountId, assignmentId, reason, period, sentAt) VALUES (?, ?, ?, ?, ?)
                            """, arguments: [accountId, assignmentId, reason, period, sentAt])
                }
                let item = ReminderItem(
                    key: row["key"], actor: row["actor"], text: row["text"], dueDate: due,
                    status: (row["status"] as String?).flatMap(ImplementationStatus.init(rawValue:)), overdue: overdue)
                let name: String = row["name"]
                if digests.last?.account == name {
                    digests[digests.count - 1].items.append(item)
                } else {
                    digests.append(ReminderDigest(account: name, email: row["email"], asOf: asOf, items: [item]))
                }
            }
            return digests
        }
        // A dry run only reads: it works on a database the user may not write.
        return record ? try write(find) : try read(find)
    }
}
