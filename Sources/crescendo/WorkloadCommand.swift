import ArgumentParser
import CrescendoCore
import CrescendoWorkload
import Foundation

/// `crescendo workload w1 --entries N --seed S --out DIR`: the benchmark workload.
struct WorkloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workload", abstract: "Generate benchmark workloads.", subcommands: [W1.self])

    struct W1: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "w1", abstract: "Write W1's ledger.csv and indicators.csv (deterministic from the seed).")

        @Option(help: "Ledger entries.") var entries = 1_000_000
        @Option(help: "The generator's seed.") var seed: UInt64 = 1
        @Option(help: "The output folder (created if missing).") var out: String

        func run() throws {
            try reportingErrors {
                guard entries >= 0 else { throw ValidationError("--entries must not be negative") }
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                let workload = W1Workload(entries: entries, seed: seed)
                let ledger = (out as NSString).appendingPathComponent("ledger.csv")
                let indicators = (out as NSString).appendingPathComponent("indicators.csv")
                try write(ledger) { try workload.writeLedger($0) }
                try write(indicators) { try workload.writeIndicators($0) }
                print("wrote \(ledger) (\(entries) entries) and \(indicators) (\(W1Workload.hours) samples)")
            }
        }

        private func write(_ path: String, _ body: (([UInt8]) throws -> Void) throws -> Void) throws {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw CLIError("cannot write \(path)")
            }
            defer { try? handle.close() }
            try body { try handle.write(contentsOf: $0) }
        }
    }
}
