// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Crescendo",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "crescendo", targets: ["crescendo"]),
        .library(name: "CrescendoCore", targets: ["CrescendoCore"]),
        .library(name: "CrescendoInputs", targets: ["CrescendoInputs"]),
        .library(name: "CrescendoWorkload", targets: ["CrescendoWorkload"]),
        .library(name: "CrescendoDSL", targets: ["CrescendoDSL"]),
        .library(name: "CrescendoStore", targets: ["CrescendoStore"]),
        .library(name: "CrescendoPostgres", targets: ["CrescendoPostgres"]),
        .library(name: "CrescendoPublish", targets: ["CrescendoPublish"]),
        .library(name: "CrescendoPublishStore", targets: ["CrescendoPublishStore"]),
        .library(name: "CrescendoRender", targets: ["CrescendoRender"]),
        .library(name: "CrescendoDaemon", targets: ["CrescendoDaemon"]),
        .library(name: "CrescendoTestSupport", targets: ["CrescendoTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // Pure, deterministic domain and engine. Foundation only; time is passed in; no I/O.
        .target(name: "CrescendoCore"),
        // Facts from outside: the CSV readers over a streaming tokenizer, and the bounded
        // producer/consumer queue that feeds the engine (or the import) from a second thread.
        .target(name: "CrescendoInputs", dependencies: ["CrescendoCore"]),
        // The W1 benchmark workload generator (`crescendo workload w1`).
        .target(name: "CrescendoWorkload", dependencies: ["CrescendoCore"]),
        // YAML campaign files to validated Core values, with file:line:column diagnostics.
        .target(name: "CrescendoDSL", dependencies: [
            "CrescendoCore",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The append-only, hash-chained ledger on SQLite.
        .target(name: "CrescendoStore", dependencies: [
            "CrescendoCore", "CrescendoInputs",
            .product(name: "GRDB", package: "GRDB.swift"),
            // The raw C API, for binding the import's prepared statement without per-row allocations.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The same ledger on PostgreSQL (through postgres-nio's PostgresClient), for several
        // processes and machines sharing one ledger.
        .target(name: "CrescendoPostgres", dependencies: [
            "CrescendoCore", "CrescendoStore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Templates, reports, charts, exports and the communications kit (cards, guides, posters).
        .target(name: "CrescendoPublish", dependencies: [
            "CrescendoCore",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Ink", package: "Ink"),
        ]),
        // The kit's outside renderers through swift-subprocess: rsvg-convert (card PNGs), qrencode (QR codes).
        .target(name: "CrescendoRender", dependencies: [
            "CrescendoCore", "CrescendoPublish",
            .product(name: "Subprocess", package: "swift-subprocess"),
        ]),
        // The public site's input read from a ledger store (for `crescendo publish` and the daemon).
        .target(name: "CrescendoPublishStore", dependencies: ["CrescendoCore", "CrescendoInputs", "CrescendoStore", "CrescendoPublish"]),
        // The daemon: scheduler, dispatch channels, HTTP API, reload, wiring.
        .target(name: "CrescendoDaemon", dependencies: [
            "CrescendoCore", "CrescendoInputs", "CrescendoDSL", "CrescendoStore", "CrescendoPublish", "CrescendoPublishStore",
            "CrescendoRender",
            .product(name: "Subprocess", package: "swift-subprocess"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Logging", package: "swift-log"),
        ], resources: [.copy("Resources/openapi.yaml"), .copy("Resources/app")]),
        .executableTarget(name: "crescendo", dependencies: [
            "CrescendoCore", "CrescendoInputs", "CrescendoWorkload", "CrescendoDSL", "CrescendoStore", "CrescendoPostgres",
            "CrescendoPublish", "CrescendoPublishStore", "CrescendoRender", "CrescendoDaemon",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // What more than one test target uses: the hand-advanced clock, scratch folders.
        .target(name: "CrescendoTestSupport", dependencies: ["CrescendoCore", "CrescendoDaemon"]),
        // The engine's own tests; the shortcut tests read W1-shaped CSV through the readers.
        .testTarget(name: "CrescendoCoreTests", dependencies: ["CrescendoCore", "CrescendoInputs", "CrescendoWorkload"]),
        .testTarget(name: "CrescendoInputsTests", dependencies: ["CrescendoInputs", "CrescendoCore", "CrescendoTestSupport"]),
        .testTarget(name: "CrescendoWorkloadTests", dependencies: ["CrescendoWorkload", "CrescendoInputs", "CrescendoCore"]),
        .testTarget(name: "CrescendoDSLTests", dependencies: ["CrescendoDSL", "CrescendoCore"],
                    resources: [.copy("Fixtures")]),
        // The store conformance suite runs the same bodies against SQLite (file, memory) and PostgreSQL.
        .testTarget(name: "CrescendoStoreTests", dependencies: [
            "CrescendoStore", "CrescendoPostgres", "CrescendoInputs", "CrescendoCore", "CrescendoTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // What only PostgreSQL has: URLs, its errors, several clients on one chain.
        .testTarget(name: "CrescendoPostgresTests", dependencies: [
            "CrescendoPostgres", "CrescendoStore", "CrescendoCore", "CrescendoTestSupport",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Golden files are read by path (#filePath), not bundled.
        .testTarget(name: "CrescendoPublishTests", dependencies: ["CrescendoPublish", "CrescendoCore", "CrescendoTestSupport"], exclude: ["Golden"]),
        // Runs Debian's rsvg-convert, qrencode and zbarimg (make deps installs them).
        .testTarget(name: "CrescendoRenderTests", dependencies: ["CrescendoRender", "CrescendoPublish", "CrescendoCore", "CrescendoTestSupport"]),
        .testTarget(name: "CrescendoDaemonTests", dependencies: [
            "CrescendoDaemon", "CrescendoCore", "CrescendoStore", "CrescendoPublish", "CrescendoTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        // Runs the `crescendo` binary that this build made (the dependency builds it first).
        .testTarget(name: "CrescendoCLITests", dependencies: ["crescendo", "CrescendoTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
