import CrescendoCore

// Wiring to the campaign loader (CrescendoDSL) and the input readers (CrescendoCore/Inputs,
// CrescendoStore); filled in when those land.

func loadCampaign(_ path: String) throws -> Campaign {
    throw CLIError("campaign loading is not wired yet")
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
