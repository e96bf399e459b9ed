/// The spelling of ids.
enum IDSyntax {
    /// A campaign id: lowercase ASCII letters, digits and '-', starting with a letter or digit.
    static func isCampaignID(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first != "-" else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A rule id: ASCII letters, digits, '-', '_' and '.', starting with a letter or digit.
    static func isRuleID(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first != "-", first != "_", first != "." else { return false }
        return s.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }
}
