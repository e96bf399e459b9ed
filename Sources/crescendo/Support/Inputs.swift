import CrescendoCore
import CrescendoDSL

// Wiring to the campaign loader (CrescendoDSL) and the input readers (CrescendoCore/Inputs,
// CrescendoStore); filled in when those land.

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

func openLedger(_ path: String, campaign: Campaign) throws -> Simulation.EntrySource {
    throw CLIError("ledger reading is not wired yet")
}

func readIndicators(_ path: String, campaign: Campaign) throws -> [IndicatorSample] {
    throw CLIError("indicator reading is not wired yet")
}

func readResponses(_ path: String, campaign: Campaign) throws -> [Response] {
    throw CLIError("response reading is not wired yet")
}
