import Foundation
import Yams
import CrescendoCore

/// Reads the Markdown file a guide names (`file:` or `file.xx:`), reporting at the value
/// that names it why it cannot be published: missing, a folder, too large, unreadable, or
/// not UTF-8 text.
enum GuideFile {
    /// Guides are read whole into the campaign; larger files are refused unread.
    static let sizeLimit = 1024 * 1024

    /// The file's text, or nil after reporting why not.
    static func read(_ written: String, key: String, node: Node, campaignFile: String, sink: DiagnosticSink) -> Guide.Text? {
        let path = FilePaths.resolve(written, relativeTo: campaignFile)
        func refuse(_ why: String, _ hint: String? = nil) -> Guide.Text? {
            sink.error(node, "guides", "guide file '\(written)' \(why)", hint: hint)
            return nil
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return refuse("does not exist", "'\(key)' is read relative to the campaign file: \(path)")
        }
        if isFolder.boolValue { return refuse("is a folder, not a Markdown file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > sizeLimit { return refuse("is \(size) bytes; a guide may have at most \(sizeLimit) (1 MiB)") }
        guard let data = FileManager.default.contents(atPath: path) else {
            return refuse("cannot be read", "check the file's permissions")
        }
        guard let text = String(validating: Array(data), as: UTF8.self), !text.contains("\u{0}") else {
            return refuse("is not UTF-8 text", "save it as UTF-8 Markdown")
        }
        return Guide.Text(file: path, markdown: text)
    }
}
