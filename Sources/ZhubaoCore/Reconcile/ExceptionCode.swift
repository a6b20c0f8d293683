import ZhubaoSystem

/// The codes of the exception catalogue (rules.md §7), in catalogue order; the raw value is the
/// code as every output and the store spell it.
package enum ExceptionCode: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case e001 = "E001", e002 = "E002", e003 = "E003", e004 = "E004", e201 = "E201", e202 = "E202", e203 = "E203", e204 = "E204"
    case e205 = "E205", e206 = "E206", e207 = "E207", e208 = "E208", e301 = "E301", e302 = "E302", e303 = "E303", e304 = "E304"
    case e305 = "E305", e401 = "E401", e402 = "E402", e403 = "E403", e404 = "E404", e405 = "E405", e406 = "E406", e407 = "E407"
    case e408 = "E408", e409 = "E409", e410 = "E410", e501 = "E501", e502 = "E502", e503 = "E503", e504 = "E504", e505 = "E505"
    case e601 = "E601"

    /// Catalogue order, which is the codes' order as text.
    package static func < (a: ExceptionCode, b: ExceptionCode) -> Bool { a.rawValue < b.rawValue }
}

/// Who must act on an exception (rules.md §7): the file's sender, 社保 (social insurance), the
/// bank, 税务 (tax) or 财政 (finance). The raw value is how outputs and the store spell it.
package enum Owner: String, CaseIterable, Codable, Sendable, Hashable {
    case sender = "sender", socialInsurance = "SI", bank = "BANK", tax = "TAX", finance = "CZ"
}

/// Interpolated as the raw value (`E301`), never as the case name: outputs spell codes so.
extension ExceptionCode: CustomStringConvertible {
    package var description: String { rawValue }
}

/// Interpolated as the raw value (`BANK`).
extension Owner: CustomStringConvertible {
    package var description: String { rawValue }
}

extension Sequence<ExceptionCode> {
    /// The codes as text, as outputs list them (`E501 E503`).
    package func joined(separator: String) -> String { map(\.rawValue).joined(separator: separator) }
}

/// The codes a diagnostic carries (`Diagnostic.Code`, in ZhubaoSystem, which cannot see the
/// catalogue) are catalogue codes: each converts to its `ExceptionCode`, total over the cases.
extension ExceptionCode {
    package init(_ code: Diagnostic.Code) {
        switch code {
        case .e001: self = .e001
        case .e003: self = .e003
        }
    }
}

extension Diagnostic.Code {
    /// The diagnostic code of `code`; nil for the codes that reading an input never raises.
    package init?(_ code: ExceptionCode) { self.init(rawValue: code.rawValue) }
}
