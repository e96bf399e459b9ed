import CrescendoCore
import CrescendoInputs
import GRDB

extension StoreError {
    /// Maps a database error to a `StoreError`; store and input errors pass through unchanged.
    static func wrap(_ error: Error, path: String) -> Error {
        if error is StoreError || error is InputError { return error }
        guard let db = error as? DatabaseError else { return error }
        switch db.resultCode {
        case .SQLITE_FULL: return StoreError.diskFull(path: path)
        case .SQLITE_READONLY: return StoreError.readOnly(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path)
        case .SQLITE_NOTADB: return StoreError.notSQLite(path: path)
        default: return StoreError.database(path: path, message: db.message ?? "\(db.resultCode)")
        }
    }
}
