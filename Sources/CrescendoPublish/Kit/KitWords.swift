import Foundation

/// The few words the cards and guides add around the campaign's own text, in the languages
/// Crescendo knows; any other language gets the English words (the campaign's text stays as
/// it was written). "Care Ledger NNN" is the series' name and is not translated.
struct KitWords: Sendable {
    var care: String
    var cause: String
    var change: String
    var demand: String
    /// "TARGET must act".
    var mustAct: String
    /// "N days of silence" (`%d` is the number, `%s` the plural ending).
    var silence: (one: String, many: String)
    var week: String
    var actsOfCare: String
    var fewerThan: String
    var withheld: String
    var due: String
    /// "This guide is not yet in LANGUAGE; here it is in English."
    var untranslated: String

    static let english = KitWords(care: "Care", cause: "Cause", change: "Change", demand: "Demand", mustAct: "%@ must act",
                                  silence: ("1 day of silence", "%@ days of silence"), week: "Week %@", actsOfCare: "acts of care",
                                  fewerThan: "fewer than %@", withheld: "withheld", due: "deadline %@",
                                  untranslated: "This guide is not yet in %@; here it is in English.")

    static let table: [String: KitWords] = [
        "en": english,
        "fr": KitWords(care: "Soin", cause: "Cause", change: "Changement", demand: "Revendication", mustAct: "%@ doit agir",
                       silence: ("1 jour de silence", "%@ jours de silence"), week: "Semaine %@", actsOfCare: "actes de soin",
                       fewerThan: "moins de %@", withheld: "masqué", due: "échéance %@",
                       untranslated: "Ce guide n'existe pas encore en français ; le voici en anglais."),
        "es": KitWords(care: "Cuidado", cause: "Causa", change: "Cambio", demand: "Demanda", mustAct: "%@ debe actuar",
                       silence: ("1 día de silencio", "%@ días de silencio"), week: "Semana %@", actsOfCare: "actos de cuidado",
                       fewerThan: "menos de %@", withheld: "reservado", due: "plazo %@",
                       untranslated: "Esta guía aún no está en español; aquí está en inglés."),
        "de": KitWords(care: "Fürsorge", cause: "Ursache", change: "Veränderung", demand: "Forderung", mustAct: "%@ muss handeln",
                       silence: ("1 Tag Schweigen", "%@ Tage Schweigen"), week: "Woche %@", actsOfCare: "Akte der Fürsorge",
                       fewerThan: "weniger als %@", withheld: "zurückgehalten", due: "Frist %@",
                       untranslated: "Diesen Leitfaden gibt es noch nicht auf Deutsch; hier ist er auf Englisch."),
        "pt": KitWords(care: "Cuidado", cause: "Causa", change: "Mudança", demand: "Reivindicação", mustAct: "%@ deve agir",
                       silence: ("1 dia de silêncio", "%@ dias de silêncio"), week: "Semana %@", actsOfCare: "atos de cuidado",
                       fewerThan: "menos de %@", withheld: "reservado", due: "prazo %@",
                       untranslated: "Este guia ainda não está em português; aqui está em inglês."),
    ]

    /// The words for `language` (`pt-br` takes `pt`'s), else English.
    static func words(_ language: String?) -> KitWords {
        guard let language else { return english }
        return table[language] ?? language.split(separator: "-").first.flatMap { table[String($0)] } ?? english
    }

    func fill(_ pattern: String, _ value: String) -> String { pattern.replacingOccurrences(of: "%@", with: value) }

    /// "12 days of silence".
    func silence(_ days: Int64) -> String { days == 1 ? silence.one : fill(silence.many, Format.integer(days)) }

    /// A count as published, in these words.
    func count(_ d: Disclosed) -> String {
        switch d {
        case .count(let n): return Format.integer(Int64(n))
        case .fewerThan(let n): return fill(fewerThan, "\(n)")
        case .withheld: return withheld
        }
    }
}
