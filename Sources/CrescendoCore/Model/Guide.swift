/// A guide the campaign publishes (when to go to the ER and when to call the hotline, say):
/// Markdown written by the campaign, with language variants. The DSL reads the files, so a
/// `Guide` holds their text and the engine and the site never touch the file system.
public struct Guide: Hashable, Sendable {
    /// One file of a guide: where it was read from and what it says.
    public struct Text: Hashable, Sendable {
        /// The file, as resolved from the campaign file's folder.
        public var file: String
        /// Its Markdown source.
        public var markdown: String
        public init(file: String, markdown: String) { self.file = file; self.markdown = markdown }
    }

    /// The guide's id, used in its path (`guides/SLUG.html`): lowercase letters, digits and `-`.
    public var slug: String
    public var title: String
    /// The default text (`file:`).
    public var text: Text
    /// Language suffix (`fr`, `pt-br`) to its text (`file.fr:`).
    public var variants: [String: Text]

    public init(slug: String, title: String, text: Text, variants: [String: Text] = [:]) {
        self.slug = slug; self.title = title; self.text = text; self.variants = variants
    }

    /// The text for `language`: its variant when there is one, else the default.
    public func text(for language: String?) -> Text { language.flatMap { variants[$0] } ?? text }

    /// Every file the guide was read from, default first.
    public var files: [String] { [text.file] + variants.keys.sorted().map { variants[$0]!.file } }
}
