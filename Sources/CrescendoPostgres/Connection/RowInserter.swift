import Logging
import PostgresNIO

/// Rows for one table, sent as multi-row `INSERT`s: one statement per `rowsPerStatement` rows
/// (and one for the rest), each row's values bound as parameters.
struct RowInserter {
    let table: String
    let columns: [String]
    /// At most 1,000 rows, and under the protocol's 65,535 parameters.
    let rowsPerStatement: Int
    private var binds = PostgresBindings()
    private var pending = 0
    /// Rows sent so far.
    private(set) var written = 0

    init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
        rowsPerStatement = min(1000, 60_000 / max(1, columns.count))
    }

    /// Adds a row: `bind` appends one value per column, in order.
    mutating func add(_ c: PostgresConnection, logger: Logger, _ bind: (inout PostgresBindings) -> Void) async throws {
        bind(&binds)
        pending += 1
        if pending == rowsPerStatement { try await flush(c, logger: logger) }
    }

    /// Sends what is left; returns the number of rows written in all.
    mutating func finish(_ c: PostgresConnection, logger: Logger) async throws -> Int {
        try await flush(c, logger: logger)
        return written
    }

    private mutating func flush(_ c: PostgresConnection, logger: Logger) async throws {
        guard pending > 0 else { return }
        let n = columns.count
        let values = (0..<pending).map { r in "(" + (1...n).map { "$\(r * n + $0)" }.joined(separator: ", ") + ")" }
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(values.joined(separator: ", "))"
        try await c.run(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        written += pending
        pending = 0
        binds = PostgresBindings()
    }
}
