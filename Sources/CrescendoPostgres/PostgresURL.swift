import Foundation

/// Where a PostgreSQL ledger is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DB` (or
/// `postgresql://`), with optional query parameters `schema=NAME` (the ledger's tables live in
/// that schema, created on first use; default `public`) and `sslmode=disable|prefer|require`
/// (default `prefer`, as libpq's). User, password and database may be percent-encoded; an
/// IPv6 host is written in brackets (`[::1]`).
public struct PostgresURL: Hashable, Sendable, CustomStringConvertible {
    public enum TLSMode: String, Hashable, Sendable { case disable, prefer, require }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var schema: String?
    public var tls: TLSMode

    /// Why a text is not a usable PostgreSQL URL; a usage error naming what is wrong.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Whether `text` is a URL (`scheme://...`) rather than a file path.
    public static func isURL(_ text: String) -> Bool {
        guard let r = text.range(of: "://") else { return false }
        let scheme = text[..<r.lowerBound]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+.-".contains($0) } && scheme.first!.isLetter
    }

    /// Parses a URL; throws `Problem` naming what is wrong (never echoing the password).
    public init(_ text: String) throws {
        func problem(_ what: String) -> Problem {
            Problem(description: "\(PostgresURL.masked(text)) is not a PostgreSQL ledger URL: \(what) (the form is postgres://USER[:PASSWORD]@HOST:PORT/DB)")
        }
        guard let r = text.range(of: "://") else { throw problem("it has no scheme") }
        let scheme = text[..<r.lowerBound].lowercased()
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw problem("the scheme is \(scheme), not postgres (a SQLite ledger is given by its file path)")
        }
        var rest = Substring(text[r.upperBound...])
        var query: Substring = ""
        if let q = rest.firstIndex(of: "?") { query = rest[rest.index(after: q)...]; rest = rest[..<q] }
        guard let slash = rest.firstIndex(of: "/") else { throw problem("it names no database (/DB after the host)") }
        let authority = rest[..<slash]
        let path = rest[rest.index(after: slash)...]
        guard let at = authority.lastIndex(of: "@") else { throw problem("it names no user (USER@ before the host)") }
        let credentials = authority[..<at]
        var hostPort = authority[authority.index(after: at)...]
        let userText = credentials.firstIndex(of: ":").map { credentials[..<$0] } ?? credentials
        guard let user = userText.removingPercentEncoding, !user.isEmpty else { throw problem("it names no user (USER@ before the host)") }
        self.user = user
        if let colon = credentials.firstIndex(of: ":") {
            guard let pw = credentials[credentials.index(after: colon)...].removingPercentEncoding else { throw problem("the password is badly percent-encoded") }
            password = pw
        }
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw problem("the IPv6 host has no closing ]") }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw problem("unexpected text after the host") }
                portText = after.dropFirst()
            }
        } else {
            if let colon = hostPort.lastIndex(of: ":") { portText = hostPort[hostPort.index(after: colon)...]; hostPort = hostPort[..<colon] }
            host = String(hostPort)
        }
        guard !host.isEmpty else { throw problem("it names no host") }
        if let portText {
            guard let p = Int(portText), (1...65535).contains(p) else { throw problem("the port \"\(portText)\" is not a number from 1 to 65535") }
            port = p
        } else {
            port = 5432
        }
        guard let db = path.removingPercentEncoding, !db.isEmpty, !db.contains("/") else { throw problem("it names no database (/DB after the host)") }
        database = db
        tls = .prefer
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(kv[0]), value = kv.count > 1 ? (String(kv[1]).removingPercentEncoding ?? "") : ""
            switch key {
            case "schema":
                guard Self.isIdentifier(value) else {
                    throw problem("the schema \"\(value)\" is not a plain name (letters, digits and _, not starting with a digit)")
                }
                schema = value
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else { throw problem("sslmode is disable, prefer or require, not \"\(value)\"") }
                tls = mode
            default:
                throw problem("unknown parameter \"\(key)\" (known: schema, sslmode)")
            }
        }
    }

    /// A plain lowercase SQL name (no quoting needed): what `schema=` accepts.
    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, s.utf8.count <= 63 else { return false }
        let ok = { (c: Unicode.Scalar) in (c >= "a" && c <= "z") || c == "_" || (c >= "0" && c <= "9") }
        return !(first >= "0" && first <= "9") && s.unicodeScalars.allSatisfy(ok)
    }

    /// The URL as messages and logs show it: no password.
    public var description: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        var out = "postgres://\(user)@\(hostText):\(port)/\(database)"
        var params: [String] = []
        if let schema { params.append("schema=\(schema)") }
        if tls != .prefer { params.append("sslmode=\(tls.rawValue)") }
        if !params.isEmpty { out += "?" + params.joined(separator: "&") }
        return out
    }

    /// `text` with whatever sits between `user:` and `@` replaced, for messages about a URL
    /// that could not be parsed.
    static func masked(_ text: String) -> String {
        guard let r = text.range(of: "://"), let at = text[r.upperBound...].lastIndex(of: "@"),
              let colon = text[r.upperBound..<at].firstIndex(of: ":") else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }
}
