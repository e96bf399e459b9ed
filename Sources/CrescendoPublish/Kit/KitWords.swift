import Foundation

/// The few words the cards and guides add around the campaign's own text, in the languages
/// Crescendo knows; any other language gets the English words (the campaign's text stays as
/// it was written). "Care Ledger NNN" is the series' name and is not translated.
struct KitWords: Sendable {
    /// The phrases, in the order of each language's line in `table`; `%@` stands for a value.
    enum Phrase: Int, CaseIterable, Sendable {
        case care, cause, change, demand, mustAct, oneDayOfSilence, daysOfSilence, week, actsOfCare, fewerThan, withheld, due
        /// "This guide is not yet in LANGUAGE; here it is in English."
        case untranslated
    }

    private let phrases: [String]

    static let table: [String: [String]] = [
        "en": ["Care", "Cause", "Change", "Demand", "%@ must act", "1 day of silence", "%@ days of silence", "Week %@", "acts of care", "fewer than %@", "withheld", "deadline %@", "This guide is not yet in %@; here it is in English."],
        "fr": ["Soin", "Cause", "Changement", "Revendication", "%@ doit agir", "1 jour de silence", "%@ jours de silence", "Semaine %@", "actes de soin", "moins de %@", "masqué", "échéance %@", "Ce guide n'existe pas encore en français ; le voici en anglais."],
        "es": ["Cuidado", "Causa", "Cambio", "Demanda", "%@ debe actuar", "1 día de silencio", "%@ días de silencio", "Semana %@", "actos de cuidado", "menos de %@", "reservado", "plazo %@", "Esta guía aún no está en español; aquí está en inglés."],
        "de": ["Fürsorge", "Ursache", "Veränderung", "Forderung", "%@ muss handeln", "1 Tag Schweigen", "%@ Tage Schweigen", "Woche %@", "Akte der Fürsorge", "weniger als %@", "zurückgehalten", "Frist %@", "Diesen Leitfaden gibt es noch nicht auf Deutsch; hier ist er auf Englisch."],
        "pt": ["Cuidado", "Causa", "Mudança", "Reivindicação", "%@ deve agir", "1 dia de silêncio", "%@ dias de silêncio", "Semana %@", "atos de cuidado", "menos de %@", "reservado", "prazo %@", "Este guia ainda não está em português; aqui está em inglês."],
    ]

    static let english = KitWords(phrases: table["en"]!)

    /// The words for `language` (`pt-br` takes `pt`'s), else English.
    static func words(_ language: String?) -> KitWords {
        guard let language else { return english }
        let phrases = table[language] ?? language.split(separator: "-").first.flatMap { table[String($0)] }
        return phrases.map(KitWords.init(phrases:)) ?? english
    }

    /// A phrase as it is.
    subscript(_ phrase: Phrase) -> String { phrases[phrase.rawValue] }

    /// A phrase with its `%@` filled in.
    subscript(_ phrase: Phrase, _ value: String) -> String { self[phrase].replacingOccurrences(of: "%@", with: value) }

    /// "12 days of silence".
    func silence(_ days: Int64) -> String { days == 1 ? self[.oneDayOfSilence] : self[.daysOfSilence, Format.integer(days)] }

    /// A count as published, in these words.
    func count(_ d: Disclosed) -> String {
        switch d {
        case .count(let n): return Format.integer(Int64(n))
        case .fewerThan(let n): return self[.fewerThan, "\(n)"]
        case .withheld: return self[.withheld]
        }
    }
}
