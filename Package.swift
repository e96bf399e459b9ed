// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Crescendo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "crescendo", targets: ["crescendo"]),
        .library(name: "CrescendoCore", targets: ["CrescendoCore"]),
        .library(name: "CrescendoDSL", targets: ["CrescendoDSL"]),
        .library(name: "CrescendoStore", targets: ["CrescendoStore"]),
        .library(name: "CrescendoPublish", targets: ["CrescendoPublish"]),
        .library(name: "CrescendoDaemon", targets: ["CrescendoDaemon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // Pure, deterministic domain and engine. Foundation only; time is passed in.
        .target(name: "CrescendoCore"),
        // YAML campaign files to validated Core values, with file:line:column diagnostics.
        .target(name: "CrescendoDSL", dependencies: [
            "CrescendoCore",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The append-only, hash-chained ledger on SQLite.
        .target(name: "CrescendoStore", dependencies: [
            "CrescendoCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            // The raw C API, for binding the import's prepared statement without per-row allocations.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Templates, reports, charts and exports.
        .target(name: "CrescendoPublish", dependencies: [
            "CrescendoCore",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The daemon: scheduler, dispatch channels, HTTP API, reload, wiring.
        .target(name: "CrescendoDaemon", dependencies: [
            "CrescendoCore", "CrescendoDSL", "CrescendoStore", "CrescendoPublish",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "crescendo", dependencies: [
            "CrescendoCore", "CrescendoDSL", "CrescendoStore", "CrescendoPublish", "CrescendoDaemon",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "CrescendoCoreTests", dependencies: ["CrescendoCore"]),
        .testTarget(name: "CrescendoDSLTests", dependencies: ["CrescendoDSL", "CrescendoCore"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CrescendoStoreTests", dependencies: ["CrescendoStore", "CrescendoCore"]),
        // Golden files are read by path (#filePath), not bundled.
        .testTarget(name: "CrescendoPublishTests", dependencies: ["CrescendoPublish", "CrescendoCore"], exclude: ["Golden"]),
        .testTarget(name: "CrescendoDaemonTests", dependencies: [
            "CrescendoDaemon", "CrescendoCore", "CrescendoStore",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "CrescendoCLITests", dependencies: ["CrescendoCore"]),
    ],
    swiftLanguageModes: [.v6]
)
