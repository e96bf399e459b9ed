import Foundation

/// Where the tests find their files.
enum Paths {
    /// The bundled `Fixtures` folder.
    static var fixtures: URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures resource folder is missing from the test bundle")
        }
        return url
    }

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// The package root (this file is Tests/CrescendoDSLTests/Paths.swift).
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crescendo-dsl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
