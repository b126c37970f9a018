import GRDB
import HummingbirdBcrypt
import Foundation
import FollowUpModel

extension AppDatabase {
    /// The bcrypt cost of new password hashes: 2^12 rounds, about a quarter of a second.
    public static let passwordCost: UInt8 = 12
    /// A hash no password matches, checked for an unknown account name.
    static let unknownAccountHash = Bcrypt.hash("no account has this password", cost: passwordCost)
    /// The shortest password accepted.
    public static let minimumPasswordLength = 10

    /// Adds an account. A focal point or validator acts for one or more actors; an administrator
    /// or reader for none. The password is kept only as a bcrypt hash.
    @discardableResult
    public func addAccount(
        name: String, role: AccountRole, actors: [String], password: String, createdAt: String,
        cost: UInt8 = AppDatabase.passwordCost
    ) throws(FollowUpError) -> AccountInfo {
        let name = name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 64 {
            throw .invalidArgument(field: "name", reason: "give a name of 1 to 64 characters")
        }
        if let problem = FieldText.problem(inName: name) { throw .invalidArgument(field: "name", reason: problem) }
        if role.actsForActors && actors.isEmpty {
            throw .invalidArgument(
                field: "actor", reason: "a \(role.words) acts for at least one actor: give --actor CODE")
        }
        if !role.actsForActors && !actors.isEmpty {
            throw .invalidArgument(
                field: "actor",
                reason:
                    "\(role == .administrator ? "an" : "a") \(role.words) acts for no actor in particular: leave out --actor"
            )
        }
        try Self.checkPassword(password)
        let hash = Bcrypt.hash(password, cost: cost)
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [name]) == true {
                throw FollowUpError.duplicate(kind: "account", identifier: name)
            }
            let resolved = try actors.map { try Self.resolveAddressee($0, in: db) }
            try db.execute(
                sql: "INSERT INTO account (name, role, passwordHash, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [name, role.rawValue, hash, createdAt])
            let id = db.lastInsertedRowID
            for actor in resolved {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO accountActor (accountId, addresseeId) VALUES (?, ?)",
                    arguments: [id, actor.id])
            }
            return try Self.account(named: name, in: db)
        }
    }

    /// Every account, by name.
    public func accounts() throws(FollowUpError) -> [AccountInfo] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT name FROM account ORDER BY name COLLATE NOCASE")
                .map { try Self.account(named: $0, in: db) }
        }
    }

    /// Replaces an account's password.
    public func setPassword(name: String, password: String, cost: UInt8 = AppDatabase.passwordCost)
        throws(FollowUpError)
    {
        try Self.checkPassword(password)
        let hash = Bcrypt.hash(password, cost: cost)
        try write { db in
            _ = try Self.account(named: name, in: db)
            try db.execute(
                sql: "UPDATE account SET passwordHash = ?, credentialVersion = credentialVersion + 1 WHERE name = ?",
                arguments: [hash, name])
        }
    }

    /// The account whose name and password these are, or `nil`: an unknown name and a wrong
    /// password are not told apart.
    public func authenticate(name: String, password: String) throws(FollowUpError) -> AccountInfo? {
        let stored = try read { db in
            try String.fetchOne(db, sql: "SELECT passwordHash FROM account WHERE name = ?", arguments: [name])
        }
        // An unknown name costs as long as a wrong password, so timing does not tell names apart.
        guard let stored else {
            _ = Bcrypt.verify(password, hash: Self.unknownAccountHash)
            return nil
        }
        guard Bcrypt.verify(password, hash: stored) else { return nil }
        return try read { db in try Self.account(named: name, in: db) }
    }

    /// Like ``authenticate(name:password:)``, with the account's credential version, which a web
    /// session keeps: ``account(_:credentialVersion:)`` then tells whether it still holds.
    public func authenticateForSession(name: String, password: String) throws(FollowUpError) -> (
        account: AccountInfo, credentialVersion: Int
    )? {
        guard let account = try authenticate(name: name, password: password) else { return nil }
        let version = try read { db in
            try Int.fetchOne(db, sql: "SELECT credentialVersion FROM account WHERE name = ?", arguments: [account.name])
        }
        return version.map { (account, $0) }
    }

    /// Account `name` if its credentials are still those of `credentialVersion` (no new password,
    /// no `users revoke` since); `nil` when they changed or the account is gone.
    public func account(_ name: String, credentialVersion: Int) throws(FollowUpError) -> AccountInfo? {
        try read { db in
            guard
                try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT credentialVersion FROM account WHERE name = ?"), arguments: [name])
                    == credentialVersion
            else { return nil }
            return try Self.account(named: name, in: db)
        }
    }

    static func checkPassword(_ password: String) throws(FollowUpError) {
        if password.count < minimumPasswordLength {
            throw .invalidArgument(
                field: "password", reason: "is shorter than \(minimumPasswordLength) characters: choose a longer one")
        }
        // bcrypt reads at most 72 bytes: a longer password would be cut without a word.
        if password.utf8.count > 72 {
            throw .invalidArgument(field: "password", reason: "is longer than 72 bytes, which bcrypt cannot hash")
        }
    }

    static func account(named name: String, in db: Database) throws -> AccountInfo {
        try accountRecord(named: name, in: db).info
    }

    /// Account `name` with its row id, read once.
    static func accountRecord(named name: String, in db: Database) throws -> (id: Int64, info: AccountInfo) {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT id, name, role, createdAt, email FROM account WHERE name = ?"),
                arguments: [name])
        else {
            let names = try String.fetchAll(db, sql: "SELECT name FROM account ORDER BY name LIMIT 5")
            throw FollowUpError.notFound(kind: "account", identifier: name, suggestions: names)
        }
        let id: Int64 = row["id"]
        let actors = try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT a.code FROM accountActor x JOIN addressee a ON a.id = x.addresseeId
                    WHERE x.accountId = ? ORDER BY a.code
                    """), arguments: [id])
        guard let role = AccountRole(rawValue: row["role"]) else {
            throw FollowUpError.internalError("account '\(name)' has an unknown role")
        }
        return (
            id,
            AccountInfo(name: row["name"], role: role, actors: actors, createdAt: row["createdAt"], email: row["email"])
        )
    }

    /// Account `name`, its row id, and whether it acts for actor `addresseeId`.
    static func accountScope(_ name: String, actor addresseeId: Int64?, in db: Database) throws -> (
        id: Int64, info: AccountInfo, actsFor: Bool
    ) {
        let (id, info) = try accountRecord(named: name, in: db)
        let actsFor =
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM accountActor WHERE accountId = ? AND addresseeId = ?"),
                arguments: [id, addresseeId]) == true
        return (id, info, actsFor)
    }

    // MARK: API tokens

    /// A new token for `account`'s scripts, returned once: only its hash is kept.
    public func createToken(account: String, label: String, createdAt: String) throws(FollowUpError) -> String {
        let label = label.trimmingCharacters(in: .whitespaces)
        if label.isEmpty { throw .invalidArgument(field: "label", reason: "say what the token is for") }
        if let problem = FieldText.problem(inName: label) { throw .invalidArgument(field: "label", reason: problem) }
        var generator = SystemRandomNumberGenerator()
        let token = "fu_" + (0..<32).map { _ in Self.hexByte(UInt8.random(in: 0...255, using: &generator)) }.joined()
        try write { db in
            let scope = try Self.accountScope(account, actor: nil, in: db)
            try db.execute(
                sql: "INSERT INTO apiToken (accountId, tokenHash, label, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [scope.id, SHA256.hex(Array(token.utf8)), label, createdAt])
        }
        return token
    }

    /// The account a live token belongs to, or `nil`.
    public func account(forToken token: String) throws(FollowUpError) -> AccountInfo? {
        guard token.hasPrefix("fu_"), token.utf8.count == 67 else { return nil }
        return try read { db in
            guard
                let name = try String.fetchOne(
                    db,
                    sql: """
                        SELECT a.name FROM apiToken t JOIN account a ON a.id = t.accountId
                        WHERE t.tokenHash = ? AND t.revokedAt IS NULL
                        """, arguments: [SHA256.hex(Array(token.utf8))])
            else { return nil }
            return try Self.account(named: name, in: db)
        }
    }

    /// Revokes every token of `account`; returns how many were live.
    @discardableResult
    public func revokeTokens(account: String, revokedAt: String) throws(FollowUpError) -> Int {
        try write { db in
            let scope = try Self.accountScope(account, actor: nil, in: db)
            try db.execute(
                sql: "UPDATE apiToken SET revokedAt = ? WHERE accountId = ? AND revokedAt IS NULL",
                arguments: [revokedAt, scope.id])
            let revoked = db.changesCount
            // The account's web sessions end too.
            try db.execute(
                sql: "UPDATE account SET credentialVersion = credentialVersion + 1 WHERE id = ?", arguments: [scope.id])
            return revoked
        }
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
    }
}
