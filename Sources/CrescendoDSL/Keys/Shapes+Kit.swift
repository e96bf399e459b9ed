/// The communications kit: the campaign's brand and its guides.
extension Shapes {
    static let brand = Shape("brand", keys: [
        Key("hashtags", .list(.formatted(.hashtag)), .optional, "recurring hashtags on every card and poster, each starting with '#' (quote them: an unquoted # starts a YAML comment)"),
        Key("color", .formatted(.color), .optional, "the campaign's one accent colour, \"#rrggbb\" (quoted)"),
        Key("url", .formatted(.webURL), .optional, "the public site; the posters' QR code points here and share links are absolute"),
    ])

    static let guide = Shape("a guide", keys: [
        Key("title", .text, .required, "the guide's title"),
        Key("file", .text, .required, "a Markdown file, relative to the campaign file; `file.xx` is its translation into language xx",
            localized: true),
    ])

    /// The web app's record form: a prompt per beat, in the campaign's voice, with translations.
    static let prompts = Shape("prompts", keys: [
        Key("care", .text, .optional, "the record form's prompt for what was done, e.g. What did you do today?", localized: true),
        Key("cause", .text, .optional, "the prompt for why it was needed", localized: true),
        Key("change", .text, .optional, "the prompt for the change that would make it unnecessary", localized: true),
    ])

    static let kitKeys = [
        Key("prompts", .shape(prompts), .optional, "the web app's record form: a prompt for each beat (care, cause, change), `care.fr` and so on for other languages"),
        Key("brand", .shape(brand), .optional, "hashtags, accent colour and public site of the cards, posters and share links"),
        Key("guides", .map(.shape(guide)), .optional, "Markdown guides published beside the stories, by id (the page is guides/ID.html)"),
    ]
}

extension TextFormat {
    static let color = TextFormat(pattern: "^#[0-9A-Fa-f]{6}$", description: "#rrggbb", example: "\"#8b1a1a\"")
    static let hashtag = TextFormat(pattern: "^#[^\\s#]+$", description: "'#' and a word without spaces", example: "\"#CareLedger\"")
    static let webURL = TextFormat(pattern: "^https?://[^\\s/?#]+", description: "an http:// or https:// address",
                                   example: "https://care.example.org/")
}
