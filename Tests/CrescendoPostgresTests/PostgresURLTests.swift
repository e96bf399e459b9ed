import CrescendoPostgres
import XCTest

/// `--db postgres://USER[:PASSWORD]@HOST:PORT/DB`: what parses, what it means, and what a
/// mistake says (never the password).
final class PostgresURLTests: XCTestCase {
    func testTheFormsAUserWrites() throws {
        let full = try PostgresURL("postgres://crescendo:s3cret@db.example.org:6543/ledger")
        XCTAssertEqual([full.user, full.password, full.host, "\(full.port)", full.database], ["crescendo", "s3cret", "db.example.org", "6543", "ledger"])
        XCTAssertNil(full.schema)
        XCTAssertEqual(full.tls, .prefer)
        let plain = try PostgresURL("postgresql://ana@127.0.0.1/care")
        XCTAssertEqual(plain.port, 5432)
        XCTAssertNil(plain.password)
        let encoded = try PostgresURL("postgres://ana%40mutual:p%40ss%3Aword@[::1]:5433/my%20ledger?schema=chapter_2&sslmode=disable")
        XCTAssertEqual([encoded.user, encoded.password, encoded.host, encoded.database, encoded.schema],
                       ["ana@mutual", "p@ss:word", "::1", "my ledger", "chapter_2"])
        XCTAssertEqual(encoded.tls, .disable)
    }

    func testTheDescriptionNeverShowsThePassword() throws {
        XCTAssertEqual("\(try PostgresURL("postgres://crescendo:s3cret@db:6543/ledger"))", "postgres://crescendo@db:6543/ledger")
        XCTAssertEqual("\(try PostgresURL("postgres://a:b@[::1]/l?schema=x&sslmode=require"))", "postgres://a@[::1]:5432/l?schema=x&sslmode=require")
    }

    func testWhatIsAURL() {
        XCTAssertTrue(PostgresURL.isURL("postgres://a@b/c"))
        XCTAssertTrue(PostgresURL.isURL("mysql://a@b/c"))
        XCTAssertFalse(PostgresURL.isURL("ledger.sqlite"))
        XCTAssertFalse(PostgresURL.isURL("/var/lib/crescendo/ledger.sqlite"))
        XCTAssertFalse(PostgresURL.isURL("./odd://name.sqlite"))
    }

    func testEachMistakeIsNamed() {
        let cases: [(String, String)] = [
            ("postgres://u:secret@host:abc/db", "postgres://u:***@host:abc/db is not a PostgreSQL ledger URL: the port \"abc\" is not a number from 1 to 65535"),
            ("postgres://u:secret@host:5432", "postgres://u:***@host:5432 is not a PostgreSQL ledger URL: it names no database (/DB after the host)"),
            ("postgres://host:5432/db", "postgres://host:5432/db is not a PostgreSQL ledger URL: it names no user (USER@ before the host)"),
            ("postgres://u@:5432/db", "postgres://u@:5432/db is not a PostgreSQL ledger URL: it names no host"),
            ("mysql://u@host/db", "mysql://u@host/db is not a PostgreSQL ledger URL: the scheme is mysql, not postgres (a SQLite ledger is given by its file path)"),
            ("postgres://u@host/db?schema=Bad-Name", "postgres://u@host/db?schema=Bad-Name is not a PostgreSQL ledger URL: the schema \"Bad-Name\" is not a plain name"),
            ("postgres://u@host/db?sslmode=verify", "postgres://u@host/db?sslmode=verify is not a PostgreSQL ledger URL: sslmode is disable, prefer or require, not \"verify\""),
            ("postgres://u@host/db?pool=3", "postgres://u@host/db?pool=3 is not a PostgreSQL ledger URL: unknown parameter \"pool\" (known: schema, sslmode)"),
            ("postgres://u@[::1/db", "postgres://u@[::1/db is not a PostgreSQL ledger URL: the IPv6 host has no closing ]"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try PostgresURL(text), text) {
                XCTAssertTrue("\($0)".hasPrefix(message), "\($0)")
                XCTAssertTrue("\($0)".hasSuffix("(the form is postgres://USER[:PASSWORD]@HOST:PORT/DB)"), "\($0)")
                XCTAssertFalse("\($0)".contains("secret"), "\($0)")
            }
        }
    }
}
