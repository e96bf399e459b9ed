import ArgumentParser
import CrescendoDSL

/// `crescendo schema [--kind campaign|test|scenario] [--write FOLDER]`: prints a JSON Schema for
/// editors, or writes them all (as `docs/schema/` holds them).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of a kind of file of the campaign language, or write them all.",
        discussion: "The schemas are written from the key tables the parser reads. `crescendo schema --write docs/schema` "
            + "(or `make schema`) regenerates the committed copies.")

    @Option(help: "Which schema (default: campaign, which also covers rule libraries). With --write: only that one.")
    var kind: SchemaKind?

    @Option(help: ArgumentHelp("Write every schema into this folder (as docs/schema/ holds them) instead of printing one.",
                               valueName: "folder"))
    var write: String?

    func run() throws {
        try reportingErrors {
            guard let folder = write else {
                print((kind ?? .campaign).text, terminator: "")
                return
            }
            for path in try SchemaKind.write(kind.map { [$0] } ?? SchemaKind.allCases, to: folder) { print("wrote \(path)") }
        }
    }
}

extension SchemaKind: ExpressibleByArgument {}
