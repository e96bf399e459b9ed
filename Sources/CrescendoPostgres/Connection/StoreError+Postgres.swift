import CrescendoStore
import Foundation
import PostgresNIO

extension StoreError {
    /// Maps an error from postgres-nio (or the network under it) to a `StoreError` naming the
    /// ledger by `location` (its URL without the password); other errors pass through.
    ///
    /// A server that cannot be reached, refuses connections now, or closed the connection is
    /// `.unavailable`; every other server error keeps the server's message (PostgreSQL never
    /// shows the password in one).
    static func postgres(_ error: any Error, location: String) -> any Error {
        switch error {
        case let e as PostgresTransactionError:
            return postgres(e.closureError ?? e.commitError ?? e.beginError ?? e.rollbackError ?? error, location: location)
        case let e as PSQLError:
            return psql(e, location: location)
        case let e as PostgresDecodingError:
            return StoreError.database(path: location, message: "unexpected data in column \(e.columnName): \(e.code)")
        case let e as NIOConnectionError:
            return StoreError.unavailable(path: location, reason: reason(e))
        case let e as ChannelError:
            return StoreError.unavailable(path: location, reason: reason(e))
        case let e as IOError:
            return StoreError.unavailable(path: location, reason: reason(e))
        default:
            return error
        }
    }

    private static func psql(_ e: PSQLError, location: String) -> any Error {
        switch e.code {
        case .server:
            return server(e.serverInfo, location: location)
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            return StoreError.unavailable(path: location, reason: e.underlying.map(reason) ?? "the connection was closed")
        case .sslUnsupported:
            return StoreError.unavailable(path: location, reason: "the server does not offer TLS (sslmode=require)")
        case .authMechanismRequiresPassword:
            return StoreError.database(path: location, message: "the server asks for a password, and the URL gives none (USER:PASSWORD@HOST)")
        case .unsupportedAuthMechanism, .saslError:
            return StoreError.database(path: location, message: "the server's authentication could not be completed")
        default:
            return StoreError.database(path: location, message: "\(e.code)")
        }
    }

    /// A server error by its SQLSTATE: https://www.postgresql.org/docs/15/errcodes-appendix.html
    private static func server(_ info: PSQLError.ServerInfo?, location: String) -> StoreError {
        let state = info?[.sqlState] ?? ""
        let message = info?[.message] ?? "the server refused the request"
        switch state {
        case "25006": return .readOnly(path: location)
        case "53100": return .diskFull(path: location)
        case "40001", "40P01", "55P03": return .busy(path: location)
        case "57P01", "57P02", "57P03", "53300": return .unavailable(path: location, reason: message)
        case _ where state.hasPrefix("08"): return .unavailable(path: location, reason: message)
        case "3D000": return .database(path: location, message: "\(message); create it first (createdb)")
        default: return .database(path: location, message: message)
        }
    }

    /// "connection refused" and the like, from the network error under a failed connect.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case let e as NIOConnectionError:
            if e.dnsAError != nil || e.dnsAAAAError != nil { return "cannot resolve the host \(e.host)" }
            return e.connectionErrors.first.map { reason($0.error) } ?? "cannot connect to \(e.host):\(e.port)"
        case let e as IOError:
            return String(cString: strerror(e.errnoCode)).lowercased()
        case let e as ChannelError:
            if case .connectTimeout(let t) = e { return "no answer within \(t.nanoseconds / 1_000_000_000) s" }
            if case .ioOnClosedChannel = e { return "the connection was closed" }
            return "the connection failed (\(e))"
        default:
            return "\(error)"
        }
    }
}
