import CrescendoCore
import CrescendoDSL
import CrescendoInputs
import CrescendoStore
import Foundation

// Inputs shared by simulate, status and test: the campaign, and facts from CSV files or a
// ledger database.

/// Loads a campaign; its errors are printed as `crescendo check` prints them.
func loadCampaign(_ path: String) throws -> Campaign {
    let result = CampaignLoader().load(path)
    guard let campaign = result.campaign else {
        let errors = result.diagnostics.filter { $0.severity == .error }
        FileHandleOutput.stderr.write(DiagnosticRenderer.text(errors))
        throw CLIError("\(path) has \(errors.count) error\(errors.count == 1 ? "" : "s"); `crescendo check \(path)` lists them")
    }
    return campaign
}

/// Opens a ledger for streaming: a CSV file is read row by row; a database in seq order.
func openLedger(_ path: String, campaign: Campaign) throws -> Simulation.KeyedBatchSource {
    if LedgerDatabase.isDatabase(path) {
        // Opened and read on the reading thread; an error opening it comes with the first batch,
        // before the engine has judged anything.
        let source = PrefetchingEntrySource<KeyedEntry>(producing: { emit in
            try await LedgerDatabase.with(path, readOnly: true) { store in
                try await store.forEachEntry { try emit(KeyedEntry(entry: $0.entry)) }
            }
        })
        return { try source.nextBatch() }
    }
    let reader = try LedgerCSVReader(path: path, campaign: campaign)
    let source = PrefetchingEntrySource<KeyedEntry>(filling: { batch, limit in try reader.read(into: &batch, limit: limit) })
    return { try source.nextBatch() }
}

func readIndicators(_ path: String, campaign: Campaign) throws -> [IndicatorSample] {
    var out: [IndicatorSample] = []
    try IndicatorCSVReader(path: path, campaign: campaign).forEach { s, _ in out.append(s) }
    return out
}

func readResponses(_ path: String, campaign: Campaign) throws -> [Response] {
    var out: [Response] = []
    try ResponseCSVReader(path: path, zone: campaign.zone).forEach { r, _ in out.append(r) }
    return out
}
