import CrescendoCore

// TEMPORARY (store branch): campaign loading arrives with the DSL branch. At merge, replace
// this body with `CampaignLoader.load(path:)`, printing its diagnostics and failing when the
// campaign is nil.

/// Loads and validates a campaign file, or throws an error naming what is wrong.
func loadCampaignOrExit(_ path: String) throws -> Campaign {
    throw CLIError("campaign loading arrives with the DSL branch; run without --campaign (and give --db) until then")
}
